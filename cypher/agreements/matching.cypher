// Agreements matching the filters, sorted: one page of them, and how many there are in all.
// A null parameter skips its filter. `region` includes its sub-regions: a party sits there,
// or the signing event took place there.
//
// Where it starts: the smallest set a filter gives, read from that filter's own entity or
// index, never from every agreement: a party's, a signatory's or an attendee's agreements;
// else a region's (its sub-regions walked down, then the organisations and events located in
// each, then their agreements); else a signing-date range (the signedOn index, migration
// 0003); else a kind (the kind index, migration 0004). Every filter is then checked on each
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
  // below U+FFFF, so one index range read serves from alone, to alone and both.
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NULL AND ($from IS NOT NULL OR $to IS NOT NULL)
  MATCH (a:Agreement)
  WHERE a.signedOn >= coalesce($from, '') AND a.signedOn <= coalesce($to, '\uFFFF')
  RETURN a, false AS inRegion
  UNION
  WITH 1 AS go WHERE $party IS NULL AND $signatory IS NULL AND $attendee IS NULL
    AND $region IS NULL AND $from IS NULL AND $to IS NULL AND $kind IS NOT NULL
  MATCH (a:Agreement) WHERE a.kind = $kind
  RETURN a, false AS inRegion
}
WITH a, inRegion
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($from IS NULL OR a.signedOn >= $from)
  AND ($to IS NULL OR a.signedOn <= $to)
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
  CASE $orderBy WHEN 'SIGNED_ON_ASC' THEN a.signedOn END,
  CASE $orderBy WHEN 'SIGNED_ON_DESC' THEN a.signedOn END DESC,
  a.id
WITH collect(a) AS found
RETURN size(found) AS total,
  [a IN found[$skip..$skip + $limit] | {labels: labels(a), props: a {.*, nameKeys: null, searchTerms: null}}] AS page
