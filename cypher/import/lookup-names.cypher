// Entities one of whose names or aliases has the given normalised key (see src/names.ts).
// nameKeys is "|key1|key2|"; the text index entity_name_keys serves the CONTAINS.
UNWIND $keys AS key
MATCH (n:Entity)
WHERE n.nameKeys CONTAINS '|' + key + '|'
RETURN key, n.id AS id, n.name AS name, labels(n) AS labels
