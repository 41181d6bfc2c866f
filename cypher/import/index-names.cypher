// The names of the indexes the database has, constraints' own among them: an index the
// migrations create that is not here was deferred by an import (src/db/migrate.ts, buildIndexes).
SHOW INDEXES YIELD name
RETURN name
