// Sets each claimed field of the given relationships (element ids) to its chosen value: the
// one most sources state, then the least; a list field ($lists: onBehalfOf) to every stated
// value, sorted (src/model/claims.ts). Run after an upsert or a merge united claims.
UNWIND $ids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
CALL (r) {
  UNWIND r.claims AS claim
  WITH claim, split(claim, '|') AS parts
  WITH parts[0] AS field,
    substring(claim, size(parts[0]) + 1, size(claim) - size(parts[0]) - size(last(parts)) - 2) AS text
  WITH field, CASE WHEN field IN $integers THEN toInteger(text) ELSE text END AS value, count(*) AS stated
  // A yearless date (--10-14) comes after the dated ones: a tie never chooses it.
  ORDER BY field, stated DESC, coalesce(value STARTS WITH '--', false), value
  WITH field, collect(value) AS values
  RETURN collect([field, CASE WHEN field IN $lists
    THEN COLLECT { UNWIND values AS v RETURN v ORDER BY v } ELSE head(values) END]) AS chosen
}
FOREACH (c IN chosen | SET r[c[0]] = c[1])
RETURN count(r) AS chosen
