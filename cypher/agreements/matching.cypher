// Agreements matching the filters, sorted, one page. A null parameter skips its filter.
// The starting set is the smallest one a filter gives: a party's, a signatory's or an
// attendee's agreements, else all agreements. `region` includes its sub-regions: a party
// sits there, or the signing event took place there.
CALL () {
  WITH 1 AS go WHERE $party IS NOT NULL
  MATCH (:Entity:Organisation {id: $party})-[:PARTY_TO]->(a:Agreement)
  RETURN a
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NOT NULL
  MATCH (:Entity:Person {id: $signatory})-[:SIGNED]->(a:Agreement)
  RETURN a
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NOT NULL
  MATCH (:Entity:Person {id: $attendee})-[:ATTENDED]->(:Event)<-[:SIGNED_AT]-(a:Agreement)
  RETURN a
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
  MATCH (a:Agreement)
  RETURN a
}
WITH a
WHERE ($kind IS NULL OR a.kind = $kind)
  // A partial date counts when its span overlaps the range, a yearless one (--10-14) never
  // (src/dates.ts); a partial $to includes its whole span.
  AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  AND ($to IS NULL OR (a.signedOn <= $to + substring('-12-31', size($to) - 4)
    AND NOT a.signedOn STARTS WITH '--'))
  AND ($party IS NULL OR EXISTS { (a)<-[:PARTY_TO]-(:Entity:Organisation {id: $party}) })
  AND ($signatory IS NULL OR EXISTS { (a)<-[:SIGNED]-(:Entity:Person {id: $signatory}) })
  AND ($attendee IS NULL OR EXISTS { (a)-[:SIGNED_AT]->(:Event)<-[:ATTENDED]-(:Entity:Person {id: $attendee}) })
  AND ($region IS NULL
    OR EXISTS { (a)<-[:PARTY_TO]-(:Organisation)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) }
    OR EXISTS { (a)-[:SIGNED_AT]->(:Event)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
WITH a
ORDER BY
  CASE $orderBy WHEN 'NAME' THEN a.name END,
  a.signedOn IS NULL,
  a.signedOn STARTS WITH '--',
  CASE $orderBy WHEN 'SIGNED_ON_ASC' THEN a.signedOn END,
  CASE $orderBy WHEN 'SIGNED_ON_DESC' THEN a.signedOn END DESC,
  a.id
SKIP $skip LIMIT $limit
RETURN labels(a) AS labels, a {.*, nameKeys: null, searchTerms: null} AS props
