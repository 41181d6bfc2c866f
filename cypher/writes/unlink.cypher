MATCH (:Entity {id: $from})-[r:$($type)]->(:Entity {id: $to})
DELETE r
RETURN count(*) AS deleted
