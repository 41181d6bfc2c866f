// Creates the relationships of rows that do not exist yet, each written whole by one SET of
// the properties its row prepared as upsert-relationships.cypher would store them
// (src/import/rows.ts, newRelationshipProperties), and returns those rows' positions (`i`);
// the others (the relationship exists, or an endpoint is missing) go to the upsert. The
// existing one is looked for as the upsert looks (expanded from the endpoint with fewer
// relationships, the other end compared by elementId), after the same write lock on `a`
// (SET a.id = a.id), so that two imports at once do not both create one relationship.
// Neo4j still plans Eager barriers here (five, against the upsert's fifteen: it takes the lock
// and `SET r = map` to conflict with the reads before them), but one SET writes the whole
// relationship: 13 database hits a row against the upsert's 19 (bench/README.md).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id
WITH row, a, b
WHERE CASE WHEN COUNT { (a)-->() } <= COUNT { ()-->(b) }
    THEN NOT EXISTS { (a)-[old]->(x) WHERE elementId(x) = elementId(b) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) }
    ELSE NOT EXISTS { (y)-[old]->(b) WHERE elementId(y) = elementId(a) AND type(old) = row.type
      AND all(p IN row.identity WHERE coalesce(old[p[0]], '') = p[1]) }
  END
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN row.i AS i
