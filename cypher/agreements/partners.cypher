// The organisations that share an agreement with $of (optionally signed within a date range),
// with the shared agreements oldest first and the first and last signing dates.
// The planner (src/planner/compile.ts) compiles Organisation.partners from this file too: it
// takes the text up to the RETURN (the start `(o:Entity {id: $of})` made its organisation,
// the variables renamed) and projects the selected fields in place of the RETURN. So no
// aggregation (collect, count): Neo4j 5 rejects one in a COLLECT subquery inside a projection.
MATCH (o:Entity {id: $of})-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(p:Organisation)
WHERE p <> o
WITH DISTINCT o, p
WITH p, COLLECT {
  MATCH (o)-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(p)
  // A partial date counts when its span overlaps the range, a yearless one (--10-14) never
  // (src/dates.ts); a partial $to includes its whole span.
  WHERE ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
    AND ($to IS NULL OR (a.signedOn <= $to + substring('-12-31', size($to) - 4)
      AND NOT a.signedOn STARTS WITH '--'))
  // Oldest first; undated and yearless signings (src/dates.ts) after the dated ones.
  RETURN a ORDER BY a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.signedOn, a.id
} AS agreements
WHERE size(agreements) > 0
WITH p, agreements, agreements[0].signedOn AS firstSignedOn,
  // The last dated signing; a yearless one only where no signing has a year.
  reduce(last = null, a IN agreements |
    CASE WHEN a.signedOn IS NULL OR (a.signedOn STARTS WITH '--' AND last IS NOT NULL) THEN last
      ELSE a.signedOn END) AS lastSignedOn
ORDER BY size(agreements) DESC, p.name, p.id
RETURN labels(p) AS labels, p {.*, nameKeys: null, searchTerms: null} AS props,
  [a IN agreements | {labels: labels(a), props: properties(a)}] AS agreements,
  firstSignedOn, lastSignedOn
