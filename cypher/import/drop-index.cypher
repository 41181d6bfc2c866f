// Drops one of the migrations' indexes for an import into an empty database to build after
// its data (src/db/migrate.ts, deferIndexes); the name is a parameter: schema commands take one.
DROP INDEX $name IF EXISTS
