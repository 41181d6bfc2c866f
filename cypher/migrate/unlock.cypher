// Releases the migration lock, if $owner still holds it, for the processes waiting on it.
MATCH (l:_MigrationLock {name: 'migrate', owner: $owner})
DELETE l
