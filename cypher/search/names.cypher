// Full-text search over names, English names, aliases and search terms (normalised keys and
// pinyin, see src/names.ts) through the index entity_names (cjk analyzer). $query is a Lucene
// query built from user text with every special character escaped (src/graph/search.ts);
// $labels (null: every kind) keeps hits of those labels; best score first, then by id.
// The planner (src/planner/compile.ts) starts Query.search from this text up to the RETURN.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
WITH node, score ORDER BY score DESC, node.id LIMIT $first
RETURN labels(node) AS labels, node {.*, nameKeys: null, searchTerms: null} AS props, score
