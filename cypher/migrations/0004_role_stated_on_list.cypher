// A role's statedOn was one date; it is now the list of every date a source states the role
// on (src/model/kinds.ts), so that a second source's date no longer replaces the first. A
// stored single date becomes a one-item list; a list is left as it is, so this can run again.
// In batches, so that a large graph does not need one huge transaction.
MATCH (r:Role)
WHERE r.statedOn IS NOT NULL AND NOT valueType(r.statedOn) STARTS WITH 'LIST'
CALL (r) {
  SET r.statedOn = [r.statedOn]
} IN TRANSACTIONS OF 10000 ROWS;
