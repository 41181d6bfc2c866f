// Entities by id, for the per-request entity loader, without the internal name keys and
// search terms (src/graph/entity.ts drops them anyway; not reading them out cuts the client's
// work on a page of organisations by a sixth). The other entity loads do the same.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, labels(n) AS labels, n {.*, nameKeys: null, searchTerms: null} AS props
