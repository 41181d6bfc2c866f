// How many of a batch's relationship rows have no relationship (see missing-nodes.cypher).
// Expanded from the start node found by its id, not matched with both ends bound: with a
// dynamic type that is planned as a scan of all relationships (upsert-relationships.cypher).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
WITH row, a
WHERE a IS NULL
  OR size([(a)-[r]->(b) WHERE b.id = row.to AND type(r) = row.type | r]) = 0
RETURN count(row) AS missing
