// For the create path (src/import/write.ts): for each relationship row (`i` its position),
// whether the relationship exists, and the element ids of its two ends, for
// create-relationships.cypher. The existing one is looked for as upsert-relationships.cypher
// looks (expanded from the endpoint with fewer relationships, the other end compared by
// elementId), after the same write lock on `a` (SET a.id = a.id), held until the transaction
// ends: another import cannot create the relationship between this look and the create.
// A row whose endpoint is missing returns nothing and goes to the upsert, which reports it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id
RETURN row.i AS i, elementId(a) AS a, elementId(b) AS b,
  CASE WHEN COUNT { (a)-->() } <= COUNT { ()-->(b) }
    THEN EXISTS { (a)-[old]->(x) WHERE elementId(x) = elementId(b) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) }
    ELSE EXISTS { (y)-[old]->(b) WHERE elementId(y) = elementId(a) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) }
  END AS exists
