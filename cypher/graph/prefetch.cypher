// The entities with ids $ids and, in the same statement, the relationships a request's
// selection will follow from them, nesting level by nesting level: one round trip where the
// loaders alone take one per level (src/graphql/lookahead.ts plans $steps). A step
// {step, parent, type, direction} follows the relationships of `type` leaving (`out`) or
// arriving at (`in`) the entities that step `parent` reached; parent -1 starts from the
// entities of $ids. Four levels are unrolled here; deeper fields load as they are asked for.
// The entities of $ids themselves are returned (as step -1) only when $withRoots.
UNWIND $ids AS id
MATCH (root:Entity {id: id})
WITH collect({step: -1, from: null, rel: null, node: root}) AS level0
CALL (level0) {
  UNWIND level0 AS f
  WITH DISTINCT f.step AS parent, f.node AS n
  UNWIND $steps AS s
  WITH n, s WHERE s.parent = parent
  CALL (n, s) {
    WITH n, s WHERE s.direction = 'out'
    MATCH (n)-[r:$(s.type)]->(m:Entity)
    RETURN r, m
    UNION ALL
    WITH n, s WHERE s.direction = 'in'
    MATCH (n)<-[r:$(s.type)]-(m:Entity)
    RETURN r, m
  }
  RETURN collect({step: s.step, from: n.id, rel: properties(r), node: m}) AS level1
}
CALL (level1) {
  UNWIND level1 AS f
  WITH DISTINCT f.step AS parent, f.node AS n
  UNWIND $steps AS s
  WITH n, s WHERE s.parent = parent
  CALL (n, s) {
    WITH n, s WHERE s.direction = 'out'
    MATCH (n)-[r:$(s.type)]->(m:Entity)
    RETURN r, m
    UNION ALL
    WITH n, s WHERE s.direction = 'in'
    MATCH (n)<-[r:$(s.type)]-(m:Entity)
    RETURN r, m
  }
  RETURN collect({step: s.step, from: n.id, rel: properties(r), node: m}) AS level2
}
CALL (level2) {
  UNWIND level2 AS f
  WITH DISTINCT f.step AS parent, f.node AS n
  UNWIND $steps AS s
  WITH n, s WHERE s.parent = parent
  CALL (n, s) {
    WITH n, s WHERE s.direction = 'out'
    MATCH (n)-[r:$(s.type)]->(m:Entity)
    RETURN r, m
    UNION ALL
    WITH n, s WHERE s.direction = 'in'
    MATCH (n)<-[r:$(s.type)]-(m:Entity)
    RETURN r, m
  }
  RETURN collect({step: s.step, from: n.id, rel: properties(r), node: m}) AS level3
}
CALL (level3) {
  UNWIND level3 AS f
  WITH DISTINCT f.step AS parent, f.node AS n
  UNWIND $steps AS s
  WITH n, s WHERE s.parent = parent
  CALL (n, s) {
    WITH n, s WHERE s.direction = 'out'
    MATCH (n)-[r:$(s.type)]->(m:Entity)
    RETURN r, m
    UNION ALL
    WITH n, s WHERE s.direction = 'in'
    MATCH (n)<-[r:$(s.type)]-(m:Entity)
    RETURN r, m
  }
  RETURN collect({step: s.step, from: n.id, rel: properties(r), node: m}) AS level4
}
UNWIND (CASE WHEN $withRoots THEN level0 ELSE [] END) + level1 + level2 + level3 + level4 AS row
WITH row, row.node AS m
RETURN row.step AS step, row.from AS from, row.rel AS rel, labels(m) AS labels,
  m {.*, nameKeys: null, searchTerms: null} AS props
