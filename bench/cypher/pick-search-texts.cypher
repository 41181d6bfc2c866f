// Search texts for the search-then-fan-out question: the place part of organisation names
// (their first two characters, 沙武 of 沙武科技园区管理委员会) that begins the names of 2 to 10
// organisations, one of them party to an agreement, so that a search finds several
// organisations with agreements and partners to follow, at every size. The bound keeps every
// hit within one page of both servers (Accord ranks hits by relevance, the peer by id); 中共
// (party committees) begins thousands of names and is no place.
MATCH (o:Organisation)
WITH left(o.name, 2) AS text, count(*) AS names,
     sum(CASE WHEN EXISTS { (o)-[:PARTY_TO]->(:Agreement) } THEN 1 ELSE 0 END) AS parties
WHERE names >= 2 AND names <= 10 AND parties > 0 AND text <> '中共'
RETURN text
