// The kind (labels) of each given id that the database already holds.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, labels(n) AS labels
