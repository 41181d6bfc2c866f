// Organisations of a kind and/or in a region (including its sub-regions), by name, one page.
MATCH (o:Organisation)
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
WITH o ORDER BY o.name, o.id
SKIP $skip LIMIT $limit
RETURN labels(o) AS labels, o {.*, nameKeys: null, searchTerms: null} AS props
