// The lock's holder says it is still migrating, so that nobody takes the lock over
// (migrate/lock) while a long data migration runs.
MATCH (l:_MigrationLock {name: 'migrate', owner: $owner})
SET l.heartbeat = timestamp()
