// Removes every relationship and keeps the nodes: a database that lost part of an import.
MATCH ()-[r]->()
DELETE r
