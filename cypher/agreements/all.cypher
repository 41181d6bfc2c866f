// All agreements, sorted as agreements/matching.cypher sorts them, one page: for lists without
// filters. Each order reads its range index in order (migration 0003) and stops after
// $skip + $limit entries; the agreements without the sort key (no title, or no signing date
// with a year: --10-14 comes after the dated ones, src/dates.ts) come last, and are read only
// when the page reaches past the others. Each branch orders by the final sort's keys, ties of
// the index's key included (a yearless signing after a dated one of the same name), so that
// its first $skip + $limit are the final order's. The final sort is matching.cypher's, over
// at most twice $skip + $limit rows.
CALL () {
  WITH 1 AS go WHERE $orderBy = 'NAME'
  MATCH (a:Agreement) WHERE a.name IS NOT NULL
  WITH a ORDER BY a.name, a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'SIGNED_ON_DESC'
  MATCH (a:Agreement) WHERE a.signedOn >= '0'
  WITH a ORDER BY a.signedOn DESC, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'SIGNED_ON_ASC'
  MATCH (a:Agreement) WHERE a.signedOn >= '0'
  WITH a ORDER BY a.signedOn, a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy = 'NAME'
    AND size(COLLECT { MATCH (k:Agreement) WHERE k.name IS NOT NULL RETURN k.id LIMIT $skip + $limit }) < $skip + $limit
  MATCH (a:Agreement) WHERE a.name IS NULL
  WITH a ORDER BY a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.id LIMIT $skip + $limit
  RETURN a
  UNION ALL
  WITH 1 AS go WHERE $orderBy IN ['SIGNED_ON_DESC', 'SIGNED_ON_ASC']
    AND size(COLLECT { MATCH (k:Agreement) WHERE k.signedOn >= '0' RETURN k.id LIMIT $skip + $limit }) < $skip + $limit
  MATCH (a:Agreement) WHERE a.signedOn IS NULL OR a.signedOn STARTS WITH '--'
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
RETURN labels(a) AS labels, a {.*, nameKeys: null, searchTerms: null} AS props
