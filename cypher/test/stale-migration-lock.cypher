// The migration lock as a process that died while migrating left it: not refreshed for long.
CREATE (:_MigrationLock {name: 'migrate', owner: 'a-dead-process', heartbeat: 0})
