// The property names of entities and of the relationships between them, each with the type of
// value it holds (valueType: "STRING NOT NULL", "LIST<STRING NOT NULL> NOT NULL", ...): what a
// graph export declares before its first node. Reads every entity and relationship once.
CALL () {
  MATCH (n:Entity)
  UNWIND keys(n) AS key
  RETURN DISTINCT 'node' AS element, key, valueType(n[key]) AS type
  UNION
  MATCH (:Entity)-[r]->(:Entity)
  UNWIND keys(r) AS key
  RETURN DISTINCT 'edge' AS element, key, valueType(r[key]) AS type
}
RETURN element, key, type
ORDER BY element, key, type
