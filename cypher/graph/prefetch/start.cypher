// The start of a prefetch statement (src/graph/prefetch.ts puts it together): the entities
// with ids $ids, from which the steps follow their relationships.
UNWIND $ids AS id
MATCH (root:Entity {id: id})
WITH collect(DISTINCT root) AS reached_root
