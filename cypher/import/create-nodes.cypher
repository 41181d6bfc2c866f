// Creates the nodes of rows whose id the database did not hold when their transaction began
// (src/import/write.ts): nothing stored is to be united with, so each node is written whole
// by one SET of the properties its row prepared as upsert-nodes.cypher would store them
// (src/import/rows.ts, newNodeProperties). FOREACH, not UNWIND: `UNWIND ... CREATE
// (n:$(row.label)) SET n = ...` is planned with an Eager between the CREATE and the SET (a
// dynamic label is taken to conflict with any property), FOREACH with none. A node another
// transaction created meanwhile fails the id's unique constraint: the batch is then redone
// as upserts.
FOREACH (row IN $rows |
  CREATE (n:Entity:$(row.label))
  SET n = row.props)
