// Every entity with its labels and properties, and every relationship with its ends' ids, its
// type and properties: the whole stored graph, for comparing two ways of writing it
// (test/import/create.test.ts). Internal element ids are left out: they differ between runs.
CALL () {
  MATCH (n:Entity)
  RETURN collect([labels(n), properties(n)]) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships
}
RETURN nodes, relationships
