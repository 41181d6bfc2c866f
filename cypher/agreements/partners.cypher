// The organisations that share an agreement with $of (optionally signed within a date range),
// with the shared agreements oldest first and the first and last signing dates.
MATCH (o:Entity {id: $of})-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(p:Organisation)
WHERE p <> o
  // A partial date counts when its span overlaps the range, a yearless one (--10-14) never
  // (src/dates.ts); a partial $to includes its whole span.
  AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  AND ($to IS NULL OR (a.signedOn <= $to + substring('-12-31', size($to) - 4)
    AND NOT a.signedOn STARTS WITH '--'))
// Oldest first; undated and yearless signings (src/dates.ts) after the dated ones.
WITH p, a ORDER BY a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.signedOn, a.id
WITH p, collect(a) AS agreements
RETURN labels(p) AS labels, p {.*, nameKeys: null, searchTerms: null} AS props,
  [a IN agreements | {labels: labels(a), props: properties(a)}] AS agreements,
  agreements[0].signedOn AS firstSignedOn,
  // The last dated signing; a yearless one only where no signing has a year.
  reduce(last = null, a IN agreements |
    CASE WHEN a.signedOn IS NULL OR (a.signedOn STARTS WITH '--' AND last IS NOT NULL) THEN last
      ELSE a.signedOn END) AS lastSignedOn
ORDER BY size(agreements) DESC, p.name, p.id
