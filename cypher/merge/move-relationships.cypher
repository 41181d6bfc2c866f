// Moves every relationship of the duplicate onto the kept node, uniting sources, roles, claims
// and onBehalfOf with a relationship the kept node already has of the same type (and, for
// ACTED, the same act and target), drops those between the two, points SIGNED.onBehalfOf and
// its claims at the kept node, and deletes the duplicate. claims/choose-relationships.cypher
// then gives the relationships it returns (`touched`) their chosen values.
MATCH (keep:Entity {id: $keep}), (dup:Entity {id: $duplicate})
CALL (keep, dup) {
  MATCH (dup)-[r]-(other) WHERE other <> keep
  WITH keep, other, r, startNode(r) = dup AS outgoing, type(r) AS type, properties(r) AS theirs
  OPTIONAL CALL (keep, other, outgoing, type, theirs) {
    MATCH (keep)-[n]-(other)
    WHERE type(n) = type AND (startNode(n) = keep) = outgoing
      AND coalesce(n.act, '') = coalesce(theirs.act, '') AND coalesce(n.target, '') = coalesce(theirs.target, '')
    RETURN n LIMIT 1
  }
  CALL (keep, other, outgoing, type, theirs, n) {
    WITH keep, other, type, theirs WHERE n IS NULL AND outgoing
    CREATE (keep)-[m:$(type)]->(other) SET m = theirs RETURN m
    UNION
    WITH keep, other, type, theirs WHERE n IS NULL AND NOT outgoing
    CREATE (keep)<-[m:$(type)]-(other) SET m = theirs RETURN m
    UNION
    WITH n, theirs WHERE n IS NOT NULL
    WITH n, theirs, properties(n) AS mine
    SET n.sources = coalesce(mine.sources, []) + [s IN coalesce(theirs.sources, []) WHERE NOT s IN coalesce(mine.sources, [])]
    SET n.roles = CASE WHEN theirs.roles IS NULL THEN mine.roles
      ELSE coalesce(mine.roles, []) + [x IN theirs.roles WHERE NOT x IN coalesce(mine.roles, [])] END
    SET n.claims = CASE WHEN theirs.claims IS NULL THEN mine.claims ELSE COLLECT {
      UNWIND coalesce(mine.claims, []) + theirs.claims AS c RETURN DISTINCT c ORDER BY c } END
    RETURN n AS m
  }
  DELETE r
  RETURN count(*) AS moved, collect(elementId(m)) AS touched
}
CALL (keep) {
  MATCH ()-[s:SIGNED]->() WHERE $duplicate IN s.onBehalfOf
  SET s.onBehalfOf = COLLECT {
    UNWIND s.onBehalfOf AS o
    RETURN DISTINCT CASE WHEN o = $duplicate THEN $keep ELSE o END AS o ORDER BY o
  }
  SET s.claims = COLLECT {
    UNWIND coalesce(s.claims, []) AS c
    RETURN DISTINCT CASE WHEN c STARTS WITH 'onBehalfOf|' + $duplicate + '|'
      THEN 'onBehalfOf|' + $keep + substring(c, size('onBehalfOf|' + $duplicate)) ELSE c END AS c
    ORDER BY c
  }
  RETURN count(*) AS onBehalf
}
DETACH DELETE dup
RETURN moved, touched
