// One migration lock (migrate/lock), however many processes take it at once: MERGE on a
// unique property takes the constraint's lock, so two MERGEs of one name make one node.
CREATE CONSTRAINT migration_lock_name IF NOT EXISTS FOR (l:_MigrationLock) REQUIRE l.name IS UNIQUE
