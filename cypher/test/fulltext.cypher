CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN node.id AS id, score
