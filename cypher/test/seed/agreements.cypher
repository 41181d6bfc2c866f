// The agreements of a kind, each with its parties in order, the events it was signed at and
// the initiatives it concerns.
MATCH (a:Agreement {kind: $kind})
RETURN a.id AS id, a.name AS name, a.signedOn AS signedOn,
  COLLECT {
    MATCH (o:Organisation)-[p:PARTY_TO]->(a)
    WITH o, p ORDER BY p.order
    RETURN {order: p.order, name: o.name}
  } AS parties,
  COLLECT {
    MATCH (a)-[:SIGNED_AT]->(e:Event)
    WITH e ORDER BY e.id
    RETURN {name: e.name, kind: e.kind, date: e.date}
  } AS signedAt,
  COLLECT {
    MATCH (a)-[:CONCERNS]->(i:Initiative)
    WITH i ORDER BY i.id
    RETURN {name: i.name, aliases: i.aliases}
  } AS concerns
ORDER BY id
