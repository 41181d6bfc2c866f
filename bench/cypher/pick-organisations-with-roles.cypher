// Organisations where someone holds a role: the ids of the people-and-roles question.
MATCH (o:Organisation)
WHERE EXISTS { (o)<-[:AT]-(:Role) }
RETURN o.id AS id
