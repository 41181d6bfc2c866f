MATCH (l:_MigrationLock)
RETURN l.owner AS owner
