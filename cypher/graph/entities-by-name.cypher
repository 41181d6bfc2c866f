// Entities of one kind ($label; null: any kind) with a given normalised name key (see
// src/names.ts), for look-ups by name or alias. The text index entity_name_keys serves the
// CONTAINS.
UNWIND $keys AS key
MATCH (n:Entity)
WHERE n.nameKeys CONTAINS '|' + key + '|' AND ($label IS NULL OR $label IN labels(n))
RETURN key, labels(n) AS labels, n {.*, nameKeys: null, searchTerms: null} AS props
