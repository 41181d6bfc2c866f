// Removes every node but the migration records and lock, in batches, so large graphs do not
// need one huge transaction. Relationships go first, 10,000 a transaction: a node's DETACH
// DELETE takes all its relationships into the node's batch, and one region with 400,000
// organisations in it passed Neo4j's transaction memory limit (MemoryPoolOutOfMemoryError).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS relationships
MATCH (n) WHERE NOT n:_Migration AND NOT n:_MigrationLock
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
