// How many of a batch's node rows have no node: a resume checks that a batch its checkpoint
// counts as committed is really there (the database may have been emptied or restored since).
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.id})
WITH row, n WHERE n IS NULL
RETURN count(row) AS missing
