// Forgets every cached plan, so that the next query is planned on the graph as it is now, not
// on the statistics of an earlier test file's graph (an empty one makes any plan look free).
CALL db.clearQueryCaches()
