// organisations(kind) alone, one page, in organisations/matching.cypher's order (name, then
// id): read along the (kind, name) index in order (migration 0008), so Neo4j stops after
// $skip + $limit entries (a PartialTop: ties in name by id) instead of sorting every
// organisation of the kind. Organisations of the kind without a name (not in that index)
// sort last, and are read only when the page reaches past the named ones.
CALL () {
  MATCH (o:Organisation) WHERE o.kind = $kind AND o.name IS NOT NULL
  WITH o ORDER BY o.kind, o.name, o.id LIMIT $skip + $limit
  RETURN o
  UNION ALL
  WITH 1 AS go
  WHERE size(COLLECT { MATCH (k:Organisation) WHERE k.kind = $kind AND k.name IS NOT NULL RETURN k.id LIMIT $skip + $limit }) < $skip + $limit
  MATCH (o:Organisation) WHERE o.kind = $kind AND o.name IS NULL
  WITH o ORDER BY o.id LIMIT $skip + $limit
  RETURN o
}
WITH o ORDER BY o.name, o.id
SKIP $skip LIMIT $limit
RETURN o
