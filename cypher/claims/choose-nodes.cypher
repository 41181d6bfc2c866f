// Sets each claimed field of the given nodes to its chosen value: the one most sources state,
// then the least (src/model/claims.ts). Run after an upsert united new claims with stored ones.
// A $united field (a role's statedOn) is the list of every stated date, which the upsert unites:
// its claims say who states each date and choose nothing.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  UNWIND n.claims AS claim
  WITH claim, split(claim, '|') AS parts
  WHERE NOT parts[0] IN $united
  WITH parts[0] AS field,
    substring(claim, size(parts[0]) + 1, size(claim) - size(parts[0]) - size(last(parts)) - 2) AS text
  WITH field, CASE WHEN field IN $integers THEN toInteger(text) ELSE text END AS value, count(*) AS stated
  // A yearless date (--10-14) comes after the dated ones: a tie never chooses it.
  ORDER BY field, stated DESC, coalesce(value STARTS WITH '--', false), value
  WITH field, head(collect(value)) AS value
  RETURN collect([field, value]) AS chosen
}
FOREACH (c IN chosen | SET n[c[0]] = c[1])
RETURN count(n) AS chosen
