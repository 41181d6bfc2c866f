MERGE (n:Entity {id: $id})
SET n.name = $name, n.aliases = $aliases
