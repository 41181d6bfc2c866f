// For each key {id, type, direction}, the relationships of that type leaving (`out`) or
// arriving at (`in`) the entity with that id, and the entities at their other ends: every
// relationship field of one nesting level of a request in one round trip. The type is a
// parameter here, so Neo4j expands every relationship of the entity and filters them: the
// loaders use it only for batches of several types (see src/graph/prefetch.ts).
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
CALL (n, key) {
  WITH n, key WHERE key.direction = 'out'
  MATCH (n)-[r:$(key.type)]->(m:Entity)
  RETURN r, m
  UNION ALL
  WITH n, key WHERE key.direction = 'in'
  MATCH (n)<-[r:$(key.type)]-(m:Entity)
  RETURN r, m
}
RETURN key.id AS from, key.type AS type, key.direction AS direction,
  properties(r) AS rel, labels(m) AS labels, m {.*, nameKeys: null, searchTerms: null} AS props
