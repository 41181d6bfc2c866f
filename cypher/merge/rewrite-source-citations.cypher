// After two sources merge: every citation of the duplicate names the kept source instead.
CALL () {
  MATCH (n:Entity) WHERE $duplicate IN n.sources
  SET n.sources = [s IN n.sources WHERE s <> $duplicate] +
    CASE WHEN $keep IN n.sources THEN [] ELSE [$keep] END
}
CALL () {
  MATCH ()-[r]->() WHERE $duplicate IN r.sources
  SET r.sources = [s IN r.sources WHERE s <> $duplicate] +
    CASE WHEN $keep IN r.sources THEN [] ELSE [$keep] END
}
