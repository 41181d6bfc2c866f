// One step of a prefetch statement: the relationships of one type ({{type}}, one of the
// model's relationship types) leaving ({{right}} is `>`) or arriving at ({{left}} is `<`)
// the entities the parent step reached ({{parent}}), and the entities at their other ends.
// Each reached entity is expanded once, however often it was reached.
CALL (reached_{{parent}}) {
  UNWIND reached_{{parent}} AS n
  MATCH (n){{left}}-[r:`{{type}}`]-{{right}}(m:Entity)
  RETURN collect({step: {{step}}, from: n.id, rel: properties(r), node: m}) AS found_{{step}},
    collect(DISTINCT m) AS reached_{{step}}
}
