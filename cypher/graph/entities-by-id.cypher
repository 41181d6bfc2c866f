// Entities by id, for the per-request entity loader, without the internal name keys and
// search terms (see related-in.cypher).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, labels(n) AS labels, n {.*, nameKeys: null, searchTerms: null} AS props
