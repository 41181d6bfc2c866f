// Moves every relationship of the duplicate onto the kept node, uniting sources and roles with
// a relationship of the same type the kept node already has (whose own properties win), drops
// those between the two, points SIGNED.onBehalfOf at the kept node, and deletes the duplicate.
MATCH (keep:Entity {id: $keep}), (dup:Entity {id: $duplicate})
CALL (keep, dup) {
  MATCH (dup)-[r]->(other) WHERE other <> keep
  WITH keep, other, type(r) AS type, properties(r) AS theirs
  MERGE (keep)-[n:$(type)]->(other)
  WITH n, theirs, properties(n) AS mine
  SET n += theirs
  SET n += mine
  SET n.sources = coalesce(mine.sources, []) + [s IN coalesce(theirs.sources, []) WHERE NOT s IN coalesce(mine.sources, [])]
  SET n.roles = CASE WHEN theirs.roles IS NULL THEN mine.roles
    ELSE coalesce(mine.roles, []) + [x IN theirs.roles WHERE NOT x IN coalesce(mine.roles, [])] END
  RETURN count(*) AS outgoing
}
CALL (keep, dup) {
  MATCH (dup)<-[r]-(other) WHERE other <> keep
  WITH keep, other, type(r) AS type, properties(r) AS theirs
  MERGE (keep)<-[n:$(type)]-(other)
  WITH n, theirs, properties(n) AS mine
  SET n += theirs
  SET n += mine
  SET n.sources = coalesce(mine.sources, []) + [s IN coalesce(theirs.sources, []) WHERE NOT s IN coalesce(mine.sources, [])]
  SET n.roles = CASE WHEN theirs.roles IS NULL THEN mine.roles
    ELSE coalesce(mine.roles, []) + [x IN theirs.roles WHERE NOT x IN coalesce(mine.roles, [])] END
  RETURN count(*) AS incoming
}
CALL (keep) {
  MATCH ()-[s:SIGNED {onBehalfOf: $duplicate}]->()
  SET s.onBehalfOf = $keep
  RETURN count(*) AS onBehalf
}
DETACH DELETE dup
RETURN outgoing + incoming AS moved
