MATCH (m:_Migration) DELETE m
