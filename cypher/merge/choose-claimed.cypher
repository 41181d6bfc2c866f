// After a merge united their claims: each claimed field of the kept node's relationships holds
// the value most sources state, then the least; a list field ($lists: onBehalfOf) every value,
// sorted. The rule of cypher/import/upsert-relationships.cypher.
MATCH (:Entity {id: $keep})-[r]-()
WHERE r.claims IS NOT NULL
CALL (r) {
  UNWIND r.claims AS claim
  WITH claim, split(claim, '|') AS parts
  WITH parts[0] AS field,
    substring(claim, size(parts[0]) + 1, size(claim) - size(parts[0]) - size(last(parts)) - 2) AS text
  WITH field, CASE WHEN field IN $integers THEN toInteger(text) ELSE text END AS value, count(*) AS stated
  ORDER BY field, stated DESC, value
  WITH field, collect(value) AS values
  RETURN collect([field, CASE WHEN field IN $lists
    THEN COLLECT { UNWIND values AS v RETURN v ORDER BY v } ELSE head(values) END]) AS chosen
}
FOREACH (c IN chosen | SET r[c[0]] = c[1])
RETURN count(r) AS chosen
