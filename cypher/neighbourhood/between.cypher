// The relationships (of $types, or of any type when $types is null) between entities of the
// last level of a neighbourhood, which no expansion step followed.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]->(m:Entity)
WHERE m.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN n.id AS source, type(r) AS type, m.id AS target, properties(r) AS rel
ORDER BY source, type, target
