// Creates or updates one relationship per row (one per type between two nodes) and says which
// it did. Scalar properties given replace those stored; sources and `roles` are united.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type)]->(b)
WITH row, a, b, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
SET r.roles = CASE WHEN row.roles IS NULL THEN r.roles
  ELSE coalesce(r.roles, []) + [x IN row.roles WHERE NOT x IN coalesce(r.roles, [])] END
RETURN row.type AS type,
  CASE WHEN before IS NULL THEN 'created' WHEN before = properties(r) THEN 'unchanged' ELSE 'updated' END
  AS status
