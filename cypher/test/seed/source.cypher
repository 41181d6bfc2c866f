// A source by id: its date and the people it credits, with their roles.
MATCH (s:Source {id: $id})
RETURN s.id AS id, s.publishedOn AS publishedOn,
  COLLECT {
    MATCH (p:Person)-[c:CREDITED]->(s)
    WITH p, c ORDER BY p.name
    RETURN {person: p.name, roles: c.roles}
  } AS credits
