// Entities of the given labels one of whose names or aliases has one of the given normalised
// keys (src/names.ts), with, for a person, the organisations they hold roles at and the
// sources that credit them, and for a source its date: the extractor's matching of an
// article's names against the graph (src/extract/graph.ts).
UNWIND $keys AS key
MATCH (n:Entity)
WHERE n.nameKeys CONTAINS '|' + key + '|' AND any(label IN labels(n) WHERE label IN $labels)
OPTIONAL MATCH (n)-[:HOLDS]->(:Role)-[:AT]->(o:Organisation)
WITH key, n, collect(DISTINCT o.id) AS organisations
OPTIONAL MATCH (n)-[:CREDITED]->(s:Source)
WITH key, n, organisations, collect(DISTINCT s.id) AS credited
RETURN key, n.id AS id, [label IN labels(n) WHERE label IN $labels][0] AS label, n.name AS name,
       n.nameEn AS nameEn, coalesce(n.aliases, []) AS aliases, n.publishedOn AS publishedOn,
       organisations, credited
