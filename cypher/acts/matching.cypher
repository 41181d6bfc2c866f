// Acts at events, of one act and/or concerning one target (an id; null: any): "who unveiled
// the plaque of the research base?". Latest event first (undated last), then by actor and act,
// so that the answer does not depend on the order Neo4j finds them in.
MATCH (actor:Entity)-[r:ACTED]->(event:Event)
WHERE ($act IS NULL OR r.act = $act) AND ($target IS NULL OR r.target = $target)
RETURN properties(r) AS rel,
  labels(actor) AS actorLabels, actor {.*, nameKeys: null, searchTerms: null} AS actor,
  labels(event) AS eventLabels, event {.*, nameKeys: null, searchTerms: null} AS event
ORDER BY coalesce(event.date, '') DESC, event.id, actor.id, r.act
LIMIT $first
