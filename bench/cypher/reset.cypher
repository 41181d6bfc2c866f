// Empties the graph (migration records stay), in batches.
MATCH (n) WHERE NOT n:_Migration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
