// An entity read for a change: the no-op SET takes its write lock first, so that two changes
// to one entity run one after the other instead of one overwriting the other.
MATCH (n:Entity {id: $id})
SET n.id = n.id
RETURN labels(n) AS labels, properties(n) AS props
