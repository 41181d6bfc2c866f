// A PART_OF relationship written directly, as an older import could have: for tests of a graph
// that already holds a parent cycle.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CREATE (a)-[:PART_OF {sources: []}]->(b)
