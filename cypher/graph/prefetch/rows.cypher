// The end of a prefetch statement: one row per relationship found ({{found}} is
// `found_0 + found_1 + ...`), and the entities of $ids themselves as step -1 when $withRoots;
// entities without the internal name keys and search terms (see graph/entities-by-id.cypher).
UNWIND [x IN CASE WHEN $withRoots THEN reached_root ELSE [] END |
  {step: -1, from: null, rel: null, node: x}] + {{found}} AS row
WITH row, row.node AS m
RETURN row.step AS step, row.from AS from, row.rel AS rel, labels(m) AS labels,
  m {.*, nameKeys: null, searchTerms: null} AS props
