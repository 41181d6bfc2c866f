// Every entity with its labels and properties, and every relationship with its ends' ids, its
// type and properties: the whole stored graph, for comparing two ways of writing it
// (test/import/create.test.ts, offline.test.ts). Internal element ids are left out: they differ
// between runs. Each property's Cypher type comes last: the driver gives an INTEGER and a FLOAT
// of one value as one JavaScript number.
CALL () {
  MATCH (n:Entity)
  WITH n, COLLECT { UNWIND keys(n) AS k RETURN k + ' ' + valueType(n[k]) AS t ORDER BY t } AS types
  RETURN collect([labels(n), properties(n), types]) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WITH a, r, b, COLLECT { UNWIND keys(r) AS k RETURN k + ' ' + valueType(r[k]) AS t ORDER BY t }
    AS types
  RETURN collect([a.id, type(r), b.id, properties(r), types]) AS relationships
}
RETURN nodes, relationships
