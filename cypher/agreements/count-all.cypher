// How many agreements there are (agreements/all.cypher's list): from the count store.
MATCH (a:Agreement)
RETURN count(a) AS total
