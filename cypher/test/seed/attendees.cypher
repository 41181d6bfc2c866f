// The attendees of the events of a kind, in order, each with every title they hold and where,
// in the order of Role.rank (then the organisation's name).
MATCH (p:Person)-[a:ATTENDED]->(e:Event {kind: $kind})
RETURN e.id AS event, a.order AS order, p.name AS person,
  COLLECT {
    MATCH (p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation)
    WITH r, o ORDER BY r.rank, o.name
    RETURN [r.title, o.name]
  } AS titles
ORDER BY event, order
