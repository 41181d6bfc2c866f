// People holding a role in an organisation and/or with a title (in the source's words or in
// English), the role held on $asOf when given (unknown start or end dates count as open).
// Without filters: everyone. By name, one page.
MATCH (p:Person)
WHERE ($organisation IS NULL AND $title IS NULL AND $asOf IS NULL)
  OR EXISTS {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WHERE ($organisation IS NULL OR o.id = $organisation)
      AND ($title IS NULL OR r.title = $title OR r.titleEn = $title)
      AND ($asOf IS NULL OR ((r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until >= $asOf)))
  }
WITH p ORDER BY p.name, p.id
SKIP $skip LIMIT $limit
RETURN labels(p) AS labels, p {.*, nameKeys: null, searchTerms: null} AS props
