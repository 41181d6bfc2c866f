// Plans the next queries on the graph as it is now, not on the statistics of an earlier test
// file's graph (an empty one makes any plan look free): resamples the indexes, waits for the
// samples, then forgets every cached plan (db.prepareForReplanning does all three).
CALL db.prepareForReplanning(60000)
