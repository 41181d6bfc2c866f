// Turns a graph back into the previous release's shape (before migrations 0004 and 0005): no
// claims, a role's statedOn one date (its first: that release kept one), and one SIGNED per
// party a person signed for, with onBehalfOf a single id.
CALL () { MATCH (n:Entity) REMOVE n.claims }
CALL () { MATCH (r:Role) WHERE r.statedOn IS NOT NULL SET r.statedOn = head(r.statedOn) }
CALL () { MATCH ()-[r]->() REMOVE r.claims }
CALL () {
  MATCH (p)-[s:SIGNED]->(a)
  UNWIND s.onBehalfOf AS party
  CREATE (p)-[t:SIGNED]->(a)
  SET t = properties(s), t.onBehalfOf = party
  WITH DISTINCT s
  DELETE s
}
CALL () { MATCH (m:_Migration) WHERE m.name IN ['0004_role_stated_on_list', '0005_claims'] DELETE m }
