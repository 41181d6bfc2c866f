// One breadth-first step: every relationship (of $types, or of any type when $types is null)
// between an entity of the frontier and another entity, with that entity. `outgoing` says
// whether the relationship leaves the frontier entity. Ordered, so that a cap on the number
// of nodes keeps the same ones every time.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN id, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rel,
  m.id AS other, labels(m) AS labels, m {.*, nameKeys: null, searchTerms: null} AS props
ORDER BY id, type, other
