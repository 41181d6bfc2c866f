// Removes every node but the migration records, in batches, so large graphs do not need one
// huge transaction.
MATCH (n) WHERE NOT n:_Migration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
