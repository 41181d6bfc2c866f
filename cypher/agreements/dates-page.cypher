// agreements(from, to), of a kind or not, in signing-date order (SIGNED_ON_DESC or _ASC), one
// page: read along the signedOn index, or the (kind, signedOn) one (migrations 0003, 0008),
// in order between the range's bounds, so Neo4j stops after $skip + $limit that match
// instead of sorting every match. The bounds are agreements/matching.cypher's, widened for
// partial dates (from $from's year on; a partial $to covers its whole span) and starting at
// '0' (a date without a year, --10-14, falls in no range); each entry read is then held to
// its rule: a partial date counts when its span overlaps the range.
CALL () {
  WITH CASE WHEN $from IS NULL THEN '0' ELSE left($from, 4) END AS lo,
    CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END AS hi
  WHERE $kind IS NULL AND $orderBy = 'SIGNED_ON_DESC'
  MATCH (a:Agreement) WHERE a.signedOn >= lo AND a.signedOn <= hi
    AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  WITH a ORDER BY a.signedOn DESC, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH CASE WHEN $from IS NULL THEN '0' ELSE left($from, 4) END AS lo,
    CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END AS hi
  WHERE $kind IS NULL AND $orderBy = 'SIGNED_ON_ASC'
  MATCH (a:Agreement) WHERE a.signedOn >= lo AND a.signedOn <= hi
    AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  WITH a ORDER BY a.signedOn, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH CASE WHEN $from IS NULL THEN '0' ELSE left($from, 4) END AS lo,
    CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END AS hi
  WHERE $kind IS NOT NULL AND $orderBy = 'SIGNED_ON_DESC'
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn >= lo AND a.signedOn <= hi
    AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  WITH a ORDER BY a.kind DESC, a.signedOn DESC, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH CASE WHEN $from IS NULL THEN '0' ELSE left($from, 4) END AS lo,
    CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END AS hi
  WHERE $kind IS NOT NULL AND $orderBy = 'SIGNED_ON_ASC'
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn >= lo AND a.signedOn <= hi
    AND ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
  WITH a ORDER BY a.kind, a.signedOn, a.id LIMIT $skip + $limit
  RETURN a
}
WITH a ORDER BY
  CASE $orderBy WHEN 'SIGNED_ON_ASC' THEN a.signedOn END,
  CASE $orderBy WHEN 'SIGNED_ON_DESC' THEN a.signedOn END DESC,
  a.id
SKIP $skip LIMIT $limit
RETURN a
