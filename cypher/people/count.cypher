// How many people match the filters of people/matching.cypher.
MATCH (p:Person)
WHERE ($organisation IS NULL AND $titles IS NULL AND $asOf IS NULL)
  OR EXISTS {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WHERE ($organisation IS NULL OR o.id = $organisation)
      // $titles: the stored forms of the title asked for (people/titles.cypher).
      AND ($titles IS NULL OR r.title IN $titles OR r.titleEn IN $titles)
      // asOf: src/graph/held.ts's rule. A partial date stands for its span: X + the tail of
      // '-12-31' is a bound after every day X covers; yearless dates (--MM-DD) count for nothing.
      AND ($asOf IS NULL OR EXISTS {
        WITH r, [d IN coalesce(r.statedOn, []) WHERE NOT d STARTS WITH '--'] AS stated,
          $asOf + substring('-12-31', size($asOf) - 4) AS asOfEnd
        WITH stated, asOfEnd, coalesce(r.since, head(stated), r.until) AS start,
          coalesce(r.until, last(stated), r.since) AS end
        WHERE any(d IN stated WHERE d <= asOfEnd AND d + substring('-12-31', size(d) - 4) >= $asOf)
          OR (start <= asOfEnd AND end + substring('-12-31', size(end) - 4) >= $asOf)
      })
  }
RETURN count(p) AS total
