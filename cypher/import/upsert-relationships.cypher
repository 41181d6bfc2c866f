// Creates or updates one relationship of the type {{type}} per row (src/import/write.ts writes
// a type of the model in and groups rows by type) and says which it did: one per type between
// two nodes, or, where the row has an identity (ACTED: act and target), one per type and
// identity. Sources, `roles` and claims (`field|value|source`, src/model/claims.ts) are united
// with what is stored; where new claims joined stored ones, `choose` names the relationship for
// claims/choose-relationships.cypher, which sets the chosen values.
//
// The type is written in, not a parameter: `[r:$(row.type)]` is planned as an expansion of every
// relationship of a node and a filter on its type, and MERGE or OPTIONAL MATCH with a dynamic
// type as a scan of all relationships for every row (bench/README.md). With the type written,
// the existing relationship is an Expand(Into) between the two bound ends, from the one with
// fewer relationships of that type. The write lock on `a` (SET a.id = a.id) keeps two
// transactions from both creating it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id
WITH row, a, b,
  head([(a)-[old:{{type}}]->(b) WHERE all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) | old])
  AS old
CALL (row, a, b, old) {
  WITH row, a, b, old WHERE old IS NULL
  CREATE (a)-[r:{{type}}]->(b)
  RETURN r, null AS before
  UNION ALL
  WITH row, old WHERE old IS NOT NULL
  RETURN old AS r, properties(old) AS before
}
SET r += row.props
SET r.sources = coalesce(r.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(r.sources, [])]
SET r.roles = CASE WHEN row.roles IS NULL THEN r.roles
  ELSE coalesce(r.roles, []) + [x IN row.roles WHERE NOT x IN coalesce(r.roles, [])] END
WITH row, r, before, r.claims AS stored
// As for nodes (upsert-nodes.cypher): a new relationship takes the row's claims and chosen
// values; only new claims for one that has some are united and sorted here, then chosen.
WITH row, r, before, stored,
  stored IS NOT NULL AND any(c IN row.claims WHERE NOT c IN stored) AS united
SET r.claims = CASE WHEN size(row.claims) = 0 OR NOT united AND stored IS NOT NULL THEN stored
  WHEN stored IS NULL THEN row.claims
  ELSE COLLECT { UNWIND stored + row.claims AS c RETURN DISTINCT c ORDER BY c } END
SET r += CASE WHEN stored IS NULL THEN row.chosen ELSE {} END
RETURN '{{type}}' AS type,
  CASE WHEN before IS NULL THEN 'created' WHEN before = properties(r) THEN 'unchanged' ELSE 'updated' END
  AS status,
  // New claims were united with stored ones: claims/choose-relationships.cypher chooses.
  CASE WHEN united THEN elementId(r) END AS choose
