// People holding a role in an organisation and/or with a title (in the source's words or in
// English), the role held on $asOf when given (unknown start or end dates count as open).
// Without filters: everyone. By name: one page of them, and how many there are in all.
//
// Where it starts (the candidates): an organisation's people come from its roles, a title's
// from the role title indexes (migration 0004), so neither reads every person. Only asOf
// alone, or no filter, goes through every person. The candidates are then held to the role
// rule below, the one place that says which role counts.
CALL () {
  WITH 1 AS go WHERE $organisation IS NOT NULL
  MATCH (:Entity:Organisation {id: $organisation})<-[:AT]-(:Role)<-[:HOLDS]-(p:Person)
  RETURN p
  UNION
  WITH 1 AS go WHERE $organisation IS NULL AND $title IS NOT NULL
  MATCH (r:Role) WHERE r.title = $title OR r.titleEn = $title
  MATCH (p:Person)-[:HOLDS]->(r)
  RETURN p
  UNION
  WITH 1 AS go WHERE $organisation IS NULL AND $title IS NULL
  MATCH (p:Person)
  RETURN p
}
WITH p
WHERE ($organisation IS NULL AND $title IS NULL AND $asOf IS NULL)
  OR EXISTS {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WHERE ($organisation IS NULL OR o.id = $organisation)
      // The role rule: title and asOf.
      AND ($title IS NULL OR r.title = $title OR r.titleEn = $title)
      AND ($asOf IS NULL OR ((r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until >= $asOf)))
  }
WITH p ORDER BY p.name, p.id
WITH collect(p) AS found
RETURN size(found) AS total,
  [p IN found[$skip..$skip + $limit] | {labels: labels(p), props: p {.*, nameKeys: null, searchTerms: null}}] AS page
