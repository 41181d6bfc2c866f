MATCH (n:Entity {id: $id})
RETURN properties(n) AS props, labels(n) AS labels
