// A person without a name, as a graph written before names were required may hold: people's
// lists sort such people last, by id (cypher/people/matching.cypher).
MATCH (p:Person {id: $id})
REMOVE p.name
