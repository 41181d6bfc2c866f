// Removes every node but the migration records and lock, in batches, so large graphs do not
// need one huge transaction.
MATCH (n) WHERE NOT n:_Migration AND NOT n:_MigrationLock
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
