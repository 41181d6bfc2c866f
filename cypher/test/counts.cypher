// What the graph holds, for tests that assert a write changed nothing. Not the migration
// records, nor the lock a process migrating at that moment holds (src/db/migrate.ts).
CALL () { MATCH (n) WHERE NOT n:_Migration AND NOT n:_MigrationLock RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
