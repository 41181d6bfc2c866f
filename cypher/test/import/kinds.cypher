// Nodes per kind label and relationships per type, for checking that every kind arrived.
CALL () {
  MATCH (n:Entity)
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN collect(DISTINCT label) AS labels
}
CALL () {
  MATCH ()-[r]->()
  RETURN collect(DISTINCT type(r)) AS types
}
RETURN labels, types
