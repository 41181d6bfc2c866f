// Takes the migration lock for $owner, or says who holds it. Data migrations re-read what they
// change in many small transactions (CALL ... IN TRANSACTIONS), so two processes running one
// at once would apply it twice; with the lock one applies it and the others wait, then find it
// recorded. The holder refreshes `heartbeat` (migrate/heartbeat) and deletes the lock when done;
// a lock not refreshed for $staleMs (its process died) is taken over.
MERGE (l:_MigrationLock {name: 'migrate'})
  ON CREATE SET l.owner = $owner, l.heartbeat = timestamp()
// Writing takes the node's write lock first, so that the heartbeat read below is the latest
// and two processes cannot both find it stale and both take it over.
SET l.locking = true
REMOVE l.locking
WITH l, l.owner <> $owner AND l.heartbeat < timestamp() - $staleMs AS stale
SET l.owner = CASE WHEN stale THEN $owner ELSE l.owner END,
  l.heartbeat = CASE WHEN stale THEN timestamp() ELSE l.heartbeat END
RETURN l.owner = $owner AS held
