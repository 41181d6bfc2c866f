// The dated facts of the whole graph (agreements signed, events held, roles started, stated
// or ended) between $from and $to, oldest first, at most $first. A partial date (2023-12)
// counts when its period overlaps the range, a yearless one (--10-14) never; a partial $to
// includes its whole period. For a role, the name of its holder and of its organisation.
CALL () {
  MATCH (x:Agreement) RETURN x
  UNION ALL
  MATCH (x:Event) RETURN x
  UNION ALL
  MATCH (x:Role) RETURN x
}
WITH x
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
