// Deletes an entity and its relationships; signatures made on its behalf lose that detail.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH ()-[s:SIGNED {onBehalfOf: $id}]->()
REMOVE s.onBehalfOf
WITH DISTINCT n
DETACH DELETE n
RETURN count(*) AS deleted
