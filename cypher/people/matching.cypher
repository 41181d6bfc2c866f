// People holding a role in an organisation and/or with a title (in the source's words or in
// English), the role held on $asOf when given: what the sources support, never an open end.
// Without filters: everyone. By name: one page of them, and how many there are in all.
//
// Where it starts (the candidates): an organisation's people come from its roles, a title's
// from the role title indexes (migration 0006), asOf alone's from the roles with a date on or
// before the day's end (the role date indexes, migration 0007), so none reads every person;
// only no filter does. The candidates are then held to the role rule below, the one place
// that says which role counts.
CALL () {
  WITH 1 AS go WHERE $organisation IS NOT NULL
  MATCH (:Entity:Organisation {id: $organisation})<-[:AT]-(:Role)<-[:HOLDS]-(p:Person)
  RETURN p
  UNION
  WITH 1 AS go WHERE $organisation IS NULL AND $titles IS NOT NULL
  // $titles: the stored forms of the title asked for (people/titles.cypher).
  MATCH (r:Role) WHERE r.title IN $titles OR r.titleEn IN $titles
  MATCH (p:Person)-[:HOLDS]->(r)
  RETURN p
  UNION
  WITH $asOf + substring('-12-31', size($asOf) - 4) AS asOfEnd
  WHERE $organisation IS NULL AND $titles IS NULL AND $asOf IS NOT NULL
  // A role held on the day has some date on or before its end (the rule's start, or a stated
  // date): since, until, or statedOn's first date (the list is sorted, and a list whose first
  // item is at most asOfEnd sorts before [asOfEnd + '~']). A superset: the rule below decides.
  MATCH (r:Role)
  WHERE r.since <= asOfEnd OR r.until <= asOfEnd OR r.statedOn < [asOfEnd + '~']
  MATCH (p:Person)-[:HOLDS]->(r)
  RETURN p
  UNION
  WITH 1 AS go WHERE $organisation IS NULL AND $titles IS NULL AND $asOf IS NULL
  MATCH (p:Person)
  RETURN p
}
WITH p
WHERE ($organisation IS NULL AND $titles IS NULL AND $asOf IS NULL)
  OR EXISTS {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WHERE ($organisation IS NULL OR o.id = $organisation)
      // The role rule: title and asOf.
      AND ($titles IS NULL OR r.title IN $titles OR r.titleEn IN $titles)
      // asOf: src/graph/held.ts's rule. A partial date stands for its span: X + the tail of
      // '-12-31' is a bound after every day X covers; yearless dates (--MM-DD) count for nothing.
      AND ($asOf IS NULL OR EXISTS {
        WITH r, [d IN coalesce(r.statedOn, []) WHERE NOT d STARTS WITH '--'] AS stated,
          $asOf + substring('-12-31', size($asOf) - 4) AS asOfEnd
        // Bounds without a year bound nothing (src/graph/held.ts drops them too).
        WITH stated, asOfEnd,
          CASE WHEN NOT r.since STARTS WITH '--' THEN r.since END AS since,
          CASE WHEN NOT r.until STARTS WITH '--' THEN r.until END AS until
        WITH stated, asOfEnd, coalesce(since, head(stated), until) AS start,
          coalesce(until, last(stated), since) AS end
        WHERE any(d IN stated WHERE d <= asOfEnd AND d + substring('-12-31', size(d) - 4) >= $asOf)
          OR (start <= asOfEnd AND end + substring('-12-31', size(end) - 4) >= $asOf)
      })
  }
WITH p ORDER BY p.name, p.id
WITH collect(p) AS found
RETURN size(found) AS total,
  [p IN found[$skip..$skip + $limit] | {labels: labels(p), props: p {.*, nameKeys: null, searchTerms: null}}] AS page
