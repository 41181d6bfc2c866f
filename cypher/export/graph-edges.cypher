// The relationships leaving one page of entities (in id order after $after) for other entities,
// with the kind and dates of both ends (the dates an edge holds are those of its dated ends).
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, n {.since, .until, .statedOn, .signedOn, .date} AS dates,
  COLLECT {
    MATCH (n)-[r]->(m:Entity)
    RETURN {
      type: type(r), target: m.id, props: properties(r),
      labels: labels(m), dates: m {.since, .until, .statedOn, .signedOn, .date}
    }
  } AS out
