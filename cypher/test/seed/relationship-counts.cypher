// How many relationships of each given type the graph holds.
UNWIND $types AS type
RETURN type, COUNT { MATCH ()-[r]->() WHERE type(r) = type } AS count
