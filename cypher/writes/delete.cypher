// Deletes an entity and its relationships; signatures made on its behalf lose that party (and
// its claims), keeping the others.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH ()-[s:SIGNED]->() WHERE $id IN s.onBehalfOf
  WITH s, [o IN s.onBehalfOf WHERE o <> $id] AS rest
  SET s.onBehalfOf = CASE WHEN size(rest) = 0 THEN null ELSE rest END
  SET s.claims = [c IN s.claims WHERE NOT c STARTS WITH 'onBehalfOf|' + $id + '|']
}
DETACH DELETE n
RETURN count(*) AS deleted
