// For each id, the relationships of one type leaving it and the entities they reach.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:$($type)]->(m:Entity)
RETURN id, properties(r) AS rel, labels(m) AS labels, properties(m) AS props
