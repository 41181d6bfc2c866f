// The stored parents (PART_OF) of the given ids: an import walks up from the parents its
// records name, a level a query, to find a cycle it would close.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:PART_OF]->(parent:Entity)
RETURN id AS child, parent.id AS parent
