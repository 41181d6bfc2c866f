// What the graph holds, for tests that assert a write changed nothing.
CALL () { MATCH (n) WHERE NOT n:_Migration RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
