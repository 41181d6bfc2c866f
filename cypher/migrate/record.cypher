MERGE (m:_Migration {name: $name})
SET m.checksum = $checksum, m.appliedAt = datetime()
