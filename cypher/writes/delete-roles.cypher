// The roles held by a person or held in an organisation: a role cannot outlive either, so they
// go when it goes.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[:HOLDS]->(r:Role) RETURN r
  UNION
  MATCH (n)<-[:AT]-(r:Role) RETURN r
}
DETACH DELETE r
RETURN count(*) AS deleted
