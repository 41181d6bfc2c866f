// Agreements matching the filters, sorted: one page of them, and how many there are in all.
// A null parameter skips its filter. `region` includes its sub-regions: a party sits there,
// or the signing event took place there.
//
// Where it starts: the smallest set a filter gives, read from that filter's own entity or
// index, never from every agreement: a party's, a signatory's or an attendee's agreements;
// else a region's (its sub-regions walked down, then the organisations and events located in
// each, then their agreements); else a signing-date range (the signedOn index, migration
// 0003); else a kind (the kind index, migration 0006). Every filter is then checked on each
// candidate; the region only on those that did not come from it (inRegion), since walking
// up from each agreement to the region costs five times the walk down.
CALL () {
  WITH 1 AS go WHERE $party IS NOT NULL
  MATCH (:Entity:Organisation {id: $party})-[:PARTY_TO]->(a:Agreement)
  RETURN a, false AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NOT NULL
  MATCH (:Entity:Person {id: $signatory})-[:SIGNED]->(a:Agreement)
  RETURN a, false AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NOT NULL
  MATCH (:Entity:Person {id: $attendee})-[:ATTENDED]->(:Event)<-[:SIGNED_AT]-(a:Agreement)
  RETURN a, false AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NOT NULL
  MATCH (:Entity:Region {id: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:Organisation)-[:PARTY_TO]->(a:Agreement)
  RETURN a, true AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NOT NULL
  MATCH (:Entity:Region {id: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:Event)<-[:SIGNED_AT]-(a:Agreement)
  RETURN a, true AS inRegion
  UNION
  // A missing bound is the widest string bound: every signing date is at least '' and sorts
  // below U+FFFF, so one index range read serves from alone, to alone and both. The bounds
  // are widened for partial dates, which the rule below then judges: a signing of 2023 sorts
  // before a $from of 2023-05-01 yet may overlap it (from $from's year on), and a $to of 2023
  // covers 2023-12-31.
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NULL AND ($from IS NOT NULL OR $to IS NOT NULL)
  MATCH (a:Agreement)
  WHERE a.signedOn >= left(coalesce($from, ''), 4)
    AND a.signedOn <= CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END
  RETURN a, false AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NULL AND $from IS NULL AND $to IS NULL AND $kind IS NOT NULL
  MATCH (a:Agreement) WHERE a.kind = $kind
  RETURN a, false AS inRegion
}
WITH a, inRegion
WHERE ($kind IS NULL OR a.kind = $kind)
  // A partial date counts when its span overlaps the range, a yearless one (--10-14) never
  // (src/dates.ts); a partial $to includes its whole span.
  AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  AND ($to IS NULL OR (a.signedOn <= $to + substring('-12-31', size($to) - 4)
    AND NOT a.signedOn STARTS WITH '--'))
  AND ($party IS NULL OR EXISTS { (a)<-[:PARTY_TO]-(:Entity:Organisation {id: $party}) })
  AND ($signatory IS NULL OR EXISTS { (a)<-[:SIGNED]-(:Entity:Person {id: $signatory}) })
  AND ($attendee IS NULL OR EXISTS { (a)-[:SIGNED_AT]->(:Event)<-[:ATTENDED]-(:Entity:Person {id: $attendee}) })
  AND ($region IS NULL OR inRegion
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
WITH collect(a) AS found
RETURN size(found) AS total,
  [a IN found[$skip..$skip + $limit] | {labels: labels(a), props: a {.*, nameKeys: null, searchTerms: null}}] AS page
