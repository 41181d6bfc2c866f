// Creates relationships that existing-relationships.cypher found absent (in the same
// transaction, with `a` locked), each written whole by one SET of the properties its row
// prepared as upsert-relationships.cypher would store them (src/import/rows.ts,
// newRelationshipProperties). The ends are found by element id: no property is read, and the
// upsert's ~15 Eager barriers are one here (Neo4j takes `SET r = map` to conflict with the
// reads that feed the CREATE).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
