// One record per migration, even when several processes apply it at once: MERGE on a unique
// property takes the constraint's lock, so two MERGEs of one name make one node.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:_Migration) REQUIRE m.name IS UNIQUE
