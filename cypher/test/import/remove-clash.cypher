// Removes the node put-clash.cypher made.
MATCH (n:Source {url: $url}) WHERE n.id IS NULL
DELETE n
