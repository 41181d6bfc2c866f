// One page of entities of one kind in id order, each with its relationships in both
// directions (the export keeps those its record type owns; see src/model/kinds.ts).
MATCH (n:$($label))
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN properties(n) AS node,
  COLLECT {
    MATCH (n)-[r]->(m:Entity)
    RETURN {type: type(r), other: m.id, inbound: false, props: properties(r)}
  } + COLLECT {
    MATCH (n)<-[r]-(m:Entity)
    RETURN {type: type(r), other: m.id, inbound: true, props: properties(r)}
  } AS relationships
