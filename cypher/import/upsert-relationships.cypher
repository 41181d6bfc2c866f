// Creates or updates one relationship per row (one per type between two nodes) and says which
// it did. Scalar properties given replace those stored; sources and `roles` are united.
//
// Not MERGE: with a dynamic type, MERGE (and OPTIONAL MATCH) on a graph with few relationships
// is planned as a scan of all relationships for every row, and the plan is cached: quadratic.
// The existing relationship is found by expanding from its two endpoints instead; the write
// lock on `a` (SET a.id = a.id) keeps two transactions from both creating it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id
// A pattern comprehension expands from the bound endpoints whatever the statistics say.
WITH row, a, b, head([(a)-[old]->(b) WHERE type(old) = row.type | old]) AS old
CALL (row, a, b, old) {
  WITH row, a, b, old WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  RETURN r, null AS before
  UNION ALL
  WITH row, old WHERE old IS NOT NULL
  RETURN old AS r, properties(old) AS before
}
SET r += row.props
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
SET r.roles = CASE WHEN row.roles IS NULL THEN r.roles
  ELSE coalesce(r.roles, []) + [x IN row.roles WHERE NOT x IN coalesce(r.roles, [])] END
RETURN row.type AS type,
  CASE WHEN before IS NULL THEN 'created' WHEN before = properties(r) THEN 'unchanged' ELSE 'updated' END
  AS status
