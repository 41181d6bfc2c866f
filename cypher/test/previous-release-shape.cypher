// Turns a graph back into the previous release's shape (before migration 0004): no claims, and
// one SIGNED per party a person signed for, with onBehalfOf a single id.
CALL () { MATCH (n:Entity) REMOVE n.claims }
CALL () { MATCH ()-[r]->() REMOVE r.claims }
CALL () {
  MATCH (p)-[s:SIGNED]->(a)
  UNWIND s.onBehalfOf AS party
  CREATE (p)-[t:SIGNED]->(a)
  SET t = properties(s), t.onBehalfOf = party
  WITH DISTINCT s
  DELETE s
}
CALL () { MATCH (m:_Migration {name: '0004_claims'}) DELETE m }
