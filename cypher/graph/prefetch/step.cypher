// One step of a prefetch statement: the relationships of one type, in one direction, of the
// entities the parent step reached ({{parent}}), and the entities at their other ends
// ({{pattern}} is `(n)-[r:TYPE]->(m:Entity)` or `(n)<-[r:TYPE]-(m:Entity)`, TYPE one of the
// model's relationship types). Each reached entity is expanded once, however often reached.
CALL (reached_{{parent}}) {
  UNWIND reached_{{parent}} AS n
  MATCH {{pattern}}
  RETURN collect({step: {{step}}, from: n.id, rel: properties(r), node: m}) AS found_{{step}},
    collect(DISTINCT m) AS reached_{{step}}
}
