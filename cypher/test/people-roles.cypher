// Every person with the roles they hold at an organisation, each role's properties and its
// organisation's id: what a test works people's lists out from by src/graph/held.ts's rule,
// apart from cypher/people/matching.cypher.
MATCH (p:Person)
RETURN p.id AS id, p.name AS name,
  [(p)-[:HOLDS]->(r:Role)-[:AT]->(o:Organisation) | {role: r {.*}, organisation: o.id}] AS roles
