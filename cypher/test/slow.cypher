// A query that runs for minutes unless the transaction timeout stops it (fault tests).
UNWIND range(1, 2000000000) AS x
WITH x WHERE x < 0
RETURN count(x) AS n
