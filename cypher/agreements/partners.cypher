// The organisations that share an agreement with $of (optionally signed within a date range),
// with the shared agreements oldest first and the first and last signing dates.
// The planner (src/planner/compile.ts) compiles Organisation.partners from this file too: it
// takes the text up to the RETURN (the start `(o:Entity {id: $of})` made its organisation,
// the variables renamed) and projects the selected fields in place of the RETURN. So no
// aggregation (collect, count): Neo4j 5 rejects one in a COLLECT subquery inside a projection.
//
// One walk: $of's agreements in the range, in order, each with its other parties; the partners
// are those parties, and a partner's agreements those of the list it is a party to (matched in
// memory). Walking from each partner back to the agreements shared with $of cost an
// Expand(Into) a row: two thirds of the statement's database hits.
MATCH (o:Entity {id: $of})
WITH o, COLLECT {
  MATCH (o)-[:PARTY_TO]->(a:Agreement)
  // A partial date counts when its span overlaps the range, a yearless one (--10-14) never
  // (src/dates.ts); a partial $to includes its whole span.
  WHERE ($from IS NULL OR a.signedOn >= $from OR $from STARTS WITH a.signedOn)
    AND ($to IS NULL OR (a.signedOn <= $to + substring('-12-31', size($to) - 4)
      AND NOT a.signedOn STARTS WITH '--'))
  // Oldest first; undated and yearless signings (src/dates.ts) after the dated ones.
  WITH a ORDER BY a.signedOn IS NULL, a.signedOn STARTS WITH '--', a.signedOn, a.id
  RETURN {agreement: a, parties: COLLECT { MATCH (a)<-[:PARTY_TO]-(q:Organisation) WHERE q <> o RETURN q }}
} AS mine
CALL (mine) {
  UNWIND mine AS m
  UNWIND m.parties AS p
  RETURN DISTINCT p
}
WITH p, [m IN mine WHERE p IN m.parties | m.agreement] AS agreements
ORDER BY size(agreements) DESC, p.name, p.id
// The dates are computed in the RETURN, where the planner takes each expression (by its alias)
// only when the field is selected: two hops of partners without dates read a quarter less.
RETURN labels(p) AS labels, p {.*, nameKeys: null, searchTerms: null} AS props,
  [a IN agreements | {labels: labels(a), props: properties(a)}] AS agreements,
  agreements[0].signedOn AS firstSignedOn,
  // The last dated signing; a yearless one only where no signing has a year.
  reduce(last = null, a IN agreements |
    CASE WHEN a.signedOn IS NULL OR (a.signedOn STARTS WITH '--' AND last IS NOT NULL) THEN last
      ELSE a.signedOn END) AS lastSignedOn
