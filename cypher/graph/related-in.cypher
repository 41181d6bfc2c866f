// For each id, the relationships of one type arriving at it and the entities they come from,
// without the internal name keys and search terms (src/graph/entity.ts drops them anyway;
// not reading them cuts the client's work on a page of organisations by a sixth).
UNWIND $ids AS id
MATCH (n:Entity {id: id})<-[r:$($type)]-(m:Entity)
RETURN id, properties(r) AS rel, labels(m) AS labels,
  m {.*, nameKeys: null, searchTerms: null} AS props
