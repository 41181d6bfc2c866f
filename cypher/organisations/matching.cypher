// Organisations of a kind and/or in a region (including its sub-regions). By name: one page of
// them, and how many there are in all.
//
// Where it starts: a region's organisations come from the region, its sub-regions walked down
// (PART_OF, any depth), then what is located in each; a kind's from the kind index (migration
// 0006). Only a list without filters reads every organisation.
CALL () {
  WITH 1 AS go WHERE $region IS NOT NULL
  MATCH (:Entity:Region {id: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(o:Organisation)
  RETURN o
  UNION
  WITH 1 AS go WHERE $region IS NULL AND $kind IS NOT NULL
  MATCH (o:Organisation) WHERE o.kind = $kind
  RETURN o
  UNION
  WITH 1 AS go WHERE $region IS NULL AND $kind IS NULL
  MATCH (o:Organisation)
  RETURN o
}
WITH o
WHERE $kind IS NULL OR o.kind = $kind
WITH o ORDER BY o.name, o.id
WITH collect(o) AS found
RETURN size(found) AS total,
  [o IN found[$skip..$skip + $limit] | {labels: labels(o), props: o {.*, nameKeys: null, searchTerms: null}}] AS page
