// Creates or updates one relationship per row and says which it did: one per type between two
// nodes, or, where the row has an identity (ACTED: act and target), one per type and identity.
// Sources, `roles` and claims (`field|value|source`, src/model/claims.ts) are united with what
// is stored; where new claims joined stored ones, `choose` names the relationship for
// claims/choose-relationships.cypher, which sets the chosen values.
//
// Not MERGE: with a dynamic type, MERGE (and OPTIONAL MATCH) on a graph with few relationships
// is planned as a scan of all relationships for every row, and the plan is cached: quadratic.
// The existing relationship is found by expanding from one endpoint instead; the write lock on
// `a` (SET a.id = a.id) keeps two transactions from both creating it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id
// The existing relationship: expanded from the endpoint with fewer relationships, the other
// end compared by elementId. Not `(a)-[old]->(b)` with both ends bound: on a graph with few
// relationships that too is planned as a scan of all relationships (measured: 18 s for the
// first batch of 4000 rows of a 10k-record import, 0.3 s this way; bench/README.md).
WITH row, a, b,
  CASE WHEN COUNT { (a)-->() } <= COUNT { ()-->(b) }
    THEN head([(a)-[old]->(x) WHERE elementId(x) = elementId(b) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) | old])
    ELSE head([(y)-[old]->(b) WHERE elementId(y) = elementId(a) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) | old])
  END AS old
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
WITH row, r, before, r.claims AS stored
// As for nodes (upsert-nodes.cypher): a new relationship takes the row's claims and chosen
// values; only new claims for one that has some are united and sorted here, then chosen.
WITH row, r, before, stored,
  stored IS NOT NULL AND any(c IN row.claims WHERE NOT c IN stored) AS united
SET r.claims = CASE WHEN size(row.claims) = 0 OR NOT united AND stored IS NOT NULL THEN stored
  WHEN stored IS NULL THEN row.claims
  ELSE COLLECT { UNWIND stored + row.claims AS c RETURN DISTINCT c ORDER BY c } END
SET r += CASE WHEN stored IS NULL THEN row.chosen ELSE {} END
RETURN row.type AS type,
  CASE WHEN before IS NULL THEN 'created' WHEN before = properties(r) THEN 'unchanged' ELSE 'updated' END
  AS status,
  // New claims were united with stored ones: claims/choose-relationships.cypher chooses.
  CASE WHEN united THEN elementId(r) END AS choose
