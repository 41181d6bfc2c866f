// Agreements with signatories and a signing event: the ids the agreement question asks about.
MATCH (a:Agreement)
WHERE EXISTS { (a)<-[:SIGNED]-(:Person) } AND EXISTS { (a)-[:SIGNED_AT]->(:Event) }
RETURN a.id AS id
