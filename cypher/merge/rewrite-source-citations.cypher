// After two sources merge: every citation of the duplicate names the kept source instead, in
// `sources` and in claims (`field|value|source`, whose source ends the string).
CALL () {
  MATCH (n:Entity) WHERE $duplicate IN n.sources
  SET n.sources = [s IN n.sources WHERE s <> $duplicate] +
    CASE WHEN $keep IN n.sources THEN [] ELSE [$keep] END
  SET n.claims = CASE WHEN n.claims IS NULL THEN null ELSE COLLECT {
    UNWIND n.claims AS c
    RETURN DISTINCT CASE WHEN c ENDS WITH '|' + $duplicate
      THEN left(c, size(c) - size($duplicate)) + $keep ELSE c END AS c ORDER BY c } END
}
CALL () {
  MATCH ()-[r]->() WHERE $duplicate IN r.sources
  SET r.sources = [s IN r.sources WHERE s <> $duplicate] +
    CASE WHEN $keep IN r.sources THEN [] ELSE [$keep] END
  SET r.claims = CASE WHEN r.claims IS NULL THEN null ELSE COLLECT {
    UNWIND r.claims AS c
    RETURN DISTINCT CASE WHEN c ENDS WITH '|' + $duplicate
      THEN left(c, size(c) - size($duplicate)) + $keep ELSE c END AS c ORDER BY c } END
}
