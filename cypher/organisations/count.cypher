// How many organisations match the filters of organisations/matching.cypher.
MATCH (o:Organisation)
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
RETURN count(o) AS total
