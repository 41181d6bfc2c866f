// Provenance of the graph: how many Entity nodes and relationships between Entity nodes there
// are, which of them have no sources (missing, not a list, empty) or cite an id that is no
// Source node's, every id cited, and the ids of the Source nodes.
CALL () {
  MATCH (s:Source)
  WITH s ORDER BY s.id
  RETURN collect(s.id) AS sourceIds
}
CALL (sourceIds) {
  MATCH (n:Entity)
  RETURN count(n) AS nodes,
    collect(CASE WHEN n.sources IS NULL OR NOT n.sources IS :: LIST<STRING NOT NULL>
      OR size(n.sources) = 0 OR any(s IN n.sources WHERE NOT s IN sourceIds)
      THEN n.id END) AS badNodes
}
CALL (sourceIds) {
  MATCH (a:Entity)-[r]->(b:Entity)
  RETURN count(r) AS relationships,
    collect(CASE WHEN r.sources IS NULL OR NOT r.sources IS :: LIST<STRING NOT NULL>
      OR size(r.sources) = 0 OR any(s IN r.sources WHERE NOT s IN sourceIds)
      THEN a.id + ' -' + type(r) + '-> ' + b.id END) AS badRelationships
}
CALL () {
  CALL () {
    MATCH (n:Entity) UNWIND coalesce(n.sources, []) AS id RETURN id
    UNION
    MATCH (:Entity)-[r]->(:Entity) UNWIND coalesce(r.sources, []) AS id RETURN id
  }
  WITH DISTINCT id ORDER BY id
  RETURN collect(id) AS cited
}
RETURN nodes, relationships, badNodes, badRelationships, cited, sourceIds
