// Full-text search over names and aliases. The cjk analyzer indexes Chinese as overlapping
// character pairs, so any substring of two or more characters (工业大学) finds 北京工业大学.
// searchTerms holds the normalised forms (simplified, lower-case, half-width) and pinyin.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases, n.searchTerms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
// Exact name resolution: nameKeys is "|key1|key2|" over the normalised name, English name
// and aliases; a text index serves `CONTAINS '|key|'`.
CREATE TEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON (n.nameKeys);
