// Which of the given ids the graph already holds: a drafted record must not take the id of
// an entity it was not matched to (王剑 and 王健 both spell person-wang-jian). The sources the
// entity cites tell one already drafted from this very article (the same fact again) apart.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, coalesce(n.sources, []) AS sources
