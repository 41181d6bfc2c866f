// agreements(kind) alone, one page, in agreements/matching.cypher's order for each $orderBy:
// read along the (kind, name) or (kind, signedOn) index in order (migration 0008), so Neo4j
// stops after $skip + $limit entries (a PartialTop sorts only ties) instead of sorting every
// agreement of the kind. As agreements/all.cypher does without a kind: the agreements the
// index lacks, or whose key sorts after every indexed one (no title; no signing date, or one
// without a year, --10-14), come last, and are read only when the page reaches past the
// others. The final sort is matching.cypher's, over at most twice $skip + $limit rows.
CALL () {
  WITH 1 AS go WHERE $orderBy = 'NAME'
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.name IS NOT NULL
  WITH a ORDER BY a.kind, a.name, a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.id
  LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'SIGNED_ON_DESC'
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn >= '0'
  WITH a ORDER BY a.kind DESC, a.signedOn DESC, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'SIGNED_ON_ASC'
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn >= '0'
  WITH a ORDER BY a.kind, a.signedOn, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'NAME'
    AND size(COLLECT { MATCH (k:Agreement) WHERE k.kind = $kind AND k.name IS NOT NULL RETURN k.id LIMIT $skip + $limit }) < $skip + $limit
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.name IS NULL
  WITH a ORDER BY a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy IN ['SIGNED_ON_DESC', 'SIGNED_ON_ASC']
    AND size(COLLECT { MATCH (k:Agreement) WHERE k.kind = $kind AND k.signedOn >= '0' RETURN k.id LIMIT $skip + $limit }) < $skip + $limit
  MATCH (a:Agreement) WHERE a.kind = $kind AND (a.signedOn IS NULL OR a.signedOn STARTS WITH '--')
  WITH a ORDER BY a.signedOn IS NULL,
    CASE $orderBy WHEN 'SIGNED_ON_ASC' THEN a.signedOn END,
    CASE $orderBy WHEN 'SIGNED_ON_DESC' THEN a.signedOn END DESC, a.id
  LIMIT $skip + $limit
  RETURN a
}
WITH a
ORDER BY
  CASE $orderBy WHEN 'NAME' THEN a.name END,
  a.signedOn IS NULL,
  a.signedOn STARTS WITH '--',
  CASE $orderBy WHEN 'SIGNED_ON_ASC' THEN a.signedOn END,
  CASE $orderBy WHEN 'SIGNED_ON_DESC' THEN a.signedOn END DESC,
  a.id
SKIP $skip LIMIT $limit
RETURN a
