// Creates or updates one node per row and says which it did. Scalars given replace those
// stored; list fields (aliases, focus, a role's statedOn), sources, nameKeys and searchTerms (the full-text
// search terms, src/names.ts) are united with what is stored.
// A record without an id was found by its name, which may be an alias: its name becomes the
// entity's name only when the entity has none (row.defaultName), and is an alias otherwise.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n += row.props
SET n.name = coalesce(n.name, row.defaultName)
SET n.sources = coalesce(n.sources, []) + [s IN row.sources WHERE NOT s IN coalesce(n.sources, [])]
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
  AS status
