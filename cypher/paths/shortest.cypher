// Every shortest path between two distinct entities over relationships between entities, in
// either direction, of at most $maxHops relationships (the literal 6 is the API's cap: a
// variable-length bound cannot be a parameter). At most 10, ordered by the ids along them.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops AND all(n IN nodes(p) WHERE n:Entity)
WITH p, [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | type(r)] AS types
ORDER BY ids, types
LIMIT 10
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id}] AS relationships
