// How many people match the filters of people/matching.cypher.
MATCH (p:Person)
WHERE ($organisation IS NULL AND $title IS NULL AND $asOf IS NULL)
  OR EXISTS {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WHERE ($organisation IS NULL OR o.id = $organisation)
      AND ($title IS NULL OR r.title = $title OR r.titleEn = $title)
      AND ($asOf IS NULL OR ((r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until >= $asOf)))
  }
RETURN count(p) AS total
