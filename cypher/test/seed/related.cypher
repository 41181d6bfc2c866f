// The names of the entities that an entity of the given name points at with a relationship of
// the given type.
MATCH (n:Entity {name: $name})-[r]->(m:Entity)
WHERE type(r) = $type
RETURN m.name AS name
ORDER BY name
