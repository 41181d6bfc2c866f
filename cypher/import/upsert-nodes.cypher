// Creates or updates one node per row and says which it did. Claims (`field|value|source`,
// src/model/claims.ts), list fields (aliases, focus, a role's statedOn), sources, nameKeys and
// searchTerms (the full-text search terms, src/names.ts) are united with what is stored. Claims
// are kept sorted, so the node is the same whatever order its sources were imported in; where
// new claims joined stored ones, `choose` names the node for claims/choose-nodes.cypher, which
// sets each claimed field to the value most sources state, then the least (a separate
// statement for those few rows: a subquery in this one cost every row).
// A record without an id was found by its name, which may be an alias: its name becomes the
// entity's name only when the entity has none (row.defaultName), and is an alias otherwise.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n += row.props
WITH row, before, n, n.claims AS stored
// A new node (or one without claims) takes the row's sorted claims and the values they choose
// (row.chosen, src/model/claims.ts); claims it already holds change nothing; only new claims
// for a node that has some are united and sorted here, and chosen by claims/choose-nodes.
WITH row, before, n, stored,
  stored IS NOT NULL AND any(c IN row.claims WHERE NOT c IN stored) AS united
SET n.claims = CASE WHEN size(row.claims) = 0 OR NOT united AND stored IS NOT NULL THEN stored
  WHEN stored IS NULL THEN row.claims
  ELSE COLLECT { UNWIND stored + row.claims AS c RETURN DISTINCT c ORDER BY c } END
SET n += CASE WHEN stored IS NULL THEN row.chosen ELSE {} END
SET n.sources = coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])]
SET n.name = coalesce(n.name, row.defaultName)
SET n.aliases = CASE WHEN row.aliases IS NULL THEN n.aliases
  ELSE [a IN coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
    WHERE a <> n.name] END
SET n.focus = CASE WHEN row.focus IS NULL THEN n.focus
  ELSE coalesce(n.focus, []) + [f IN row.focus WHERE NOT f IN coalesce(n.focus, [])] END
// A role's dates stay sorted as src/dates.ts sorts them: dated ones, then yearless (--MM-DD).
SET n.statedOn = CASE WHEN row.statedOn IS NULL THEN n.statedOn
  ELSE COLLECT { UNWIND coalesce(n.statedOn, []) + row.statedOn AS d
    WITH DISTINCT d RETURN d ORDER BY d STARTS WITH '--', d } END
SET n.searchTerms = CASE WHEN row.searchTerms IS NULL THEN n.searchTerms
  ELSE coalesce(n.searchTerms, []) + [t IN row.searchTerms WHERE NOT t IN coalesce(n.searchTerms, [])] END
SET n.nameKeys = CASE WHEN row.nameKeys IS NULL THEN n.nameKeys
  ELSE reduce(s = coalesce(n.nameKeys, '|'), k IN row.nameKeys |
    CASE WHEN s CONTAINS '|' + k + '|' THEN s ELSE s + k + '|' END) END
RETURN row.kind AS kind,
  CASE WHEN before IS NULL THEN 'created' WHEN before = properties(n) THEN 'unchanged' ELSE 'updated' END
  AS status,
  // New claims were united with stored ones: claims/choose-nodes.cypher chooses the values.
  CASE WHEN united THEN n.id END AS choose
