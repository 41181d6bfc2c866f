// How many agreements agreements(from, to) finds, of a kind or not, without reading one: the
// signing dates within [$from, the end of $to] counted from the signedOn index, or the (kind,
// signedOn) one (migrations 0003, 0008), plus those that are a partial date $from begins
// with (2023 and 2023-05 for a $from of 2023-05-01: a span that overlaps the range, though it
// sorts before $from), each an index seek. The same set as agreements/matching.cypher's rule:
// a date without a year (--10-14, below '0') and no date fall in no range.
WITH CASE WHEN $from IS NULL THEN '0' ELSE $from END AS lo,
  CASE WHEN $to IS NULL THEN '\uFFFF' ELSE $to + substring('-12-31', size($to) - 4) END AS hi
WITH lo, hi, [d IN [left($from, 4), left($from, 7)] WHERE d < $from AND d <= hi] AS prefixes
CALL (lo, hi, prefixes) {
  WITH lo, hi, 1 AS go WHERE $kind IS NULL
  MATCH (a:Agreement) WHERE a.signedOn >= lo AND a.signedOn <= hi
  RETURN count(a) AS n
  UNION ALL
  WITH prefixes, 1 AS go WHERE $kind IS NULL
  MATCH (a:Agreement) WHERE a.signedOn IN prefixes
  RETURN count(a) AS n
  UNION ALL
  WITH lo, hi, 1 AS go WHERE $kind IS NOT NULL
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn >= lo AND a.signedOn <= hi
  RETURN count(a) AS n
  UNION ALL
  WITH prefixes, 1 AS go WHERE $kind IS NOT NULL
  MATCH (a:Agreement) WHERE a.kind = $kind AND a.signedOn IN prefixes
  RETURN count(a) AS n
}
RETURN sum(n) AS total
