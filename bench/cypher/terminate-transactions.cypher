// Ends the statements a load measurement left behind when they outlast the wait for them
// (bench/lib/quiet.ts): their clients are gone, nobody reads their answers.
TERMINATE TRANSACTIONS $ids
YIELD transactionId
RETURN transactionId
