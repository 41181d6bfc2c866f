// Indexes still being built (or failed): migrations wait until this is empty. Polled rather
// than db.awaitIndexes(), whose call would run into the transaction timeout on a large graph.
SHOW INDEXES YIELD name, state, populationPercent, failureMessage
WHERE state <> 'ONLINE'
RETURN name, state, populationPercent, failureMessage
