// For each id, the relationships of one type leaving it and the entities they reach, without
// the internal name keys and search terms (see related-in.cypher).
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:$($type)]->(m:Entity)
RETURN id, properties(r) AS rel, labels(m) AS labels,
  m {.*, nameKeys: null, searchTerms: null} AS props
