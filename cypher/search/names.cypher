// Full-text search over names, English names, aliases and search terms (normalised keys and
// pinyin, see src/names.ts) through the index entity_names (cjk analyzer). $query is a Lucene
// query built from user text with every special character escaped (src/graph/search.ts);
// $labels (null: every kind) keeps hits of those labels; best score first, then by id.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN labels(node) AS labels, node {.*, nameKeys: null, searchTerms: null} AS props, score
ORDER BY score DESC, node.id
LIMIT $first
