// How many nodes and relationships cite a source (a cited source cannot be deleted).
CALL () { MATCH (n:Entity) WHERE $id IN n.sources AND n.id <> $id RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() WHERE $id IN r.sources RETURN count(r) AS relationships }
RETURN nodes + relationships AS citations
