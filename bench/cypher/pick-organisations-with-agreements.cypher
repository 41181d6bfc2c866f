// Organisations party to at least one agreement: the ids of the partners and count questions.
MATCH (o:Organisation)
WHERE EXISTS { (o)-[:PARTY_TO]->(:Agreement) }
RETURN o.id AS id
