// The entities with the given ids (the starting points of a neighbourhood), in id order.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN DISTINCT n.id AS id, labels(n) AS labels, n {.*, nameKeys: null, searchTerms: null} AS props
ORDER BY id
