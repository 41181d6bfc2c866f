// The dated facts (agreements signed, events held, roles started, stated or ended) of the
// agreements, events and roles within two relationships of entity $of, the entity itself
// included, not passing through a region or a source (they connect too much): its
// agreements, the events it attended or hosted and where its agreements were signed, its
// roles. Between $from and $to, oldest first, at most $first; a partial date (2023-12)
// counts when its period overlaps the range. For a role, the name of its holder and of its
// organisation.
MATCH (o:Entity {id: $of})
MATCH p = (o)-[*0..2]-(x:Entity)
WHERE (x:Agreement OR x:Event OR x:Role)
  AND none(n IN nodes(p)[1..-1] WHERE n:Region OR n:Source)
WITH DISTINCT x
UNWIND [
  {kind: 'EVENT', rank: 0, date: CASE WHEN x:Event THEN x.date END},
  {kind: 'AGREEMENT_SIGNED', rank: 1, date: CASE WHEN x:Agreement THEN x.signedOn END},
  {kind: 'ROLE_STARTED', rank: 2, date: CASE WHEN x:Role THEN x.since END},
  {kind: 'ROLE_ENDED', rank: 4, date: CASE WHEN x:Role THEN x.until END}
] + [d IN CASE WHEN x:Role THEN coalesce(x.statedOn, []) ELSE [] END |
  {kind: 'ROLE_STATED', rank: 3, date: d}] AS fact
WITH x, fact
// A date without a year (--10-14) falls in no range; it comes after the dated ones.
WHERE fact.date IS NOT NULL
  AND ($from IS NULL OR fact.date >= $from OR $from STARTS WITH fact.date)
  AND ($to IS NULL OR fact.date <= $to OR fact.date STARTS WITH $to)
  AND (($from IS NULL AND $to IS NULL) OR NOT fact.date STARTS WITH '--')
WITH x, fact
ORDER BY fact.date STARTS WITH '--', fact.date, fact.rank, x.id
LIMIT $first
RETURN fact.date AS date, fact.kind AS kind, labels(x) AS labels, x {.*, nameKeys: null, searchTerms: null} AS props,
  COLLECT { MATCH (p:Person)-[:HOLDS]->(x) RETURN p.name ORDER BY p.id }[0] AS holder,
  COLLECT { MATCH (x)-[:AT]->(org:Organisation) RETURN org.name ORDER BY org.id }[0] AS organisation
ORDER BY date STARTS WITH '--', date, fact.rank, x.id
