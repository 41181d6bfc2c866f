// For each id, the relationships of one type arriving at it and the entities they come from.
UNWIND $ids AS id
MATCH (n:Entity {id: id})<-[r:$($type)]-(m:Entity)
RETURN id, properties(r) AS rel, labels(m) AS labels, properties(m) AS props
