// The statements Neo4j is still running, but the one asking: a load measurement that ends
// leaves its in-flight requests' statements running (the client gives up, Neo4j does not), and
// the next measurement, of the other server, would pay for them (bench/lib/quiet.ts).
SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime
WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS YIELD transactionId, currentQuery'
RETURN transactionId, currentQuery, elapsedTime.milliseconds AS elapsedMs
