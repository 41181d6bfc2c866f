// A constraint the import does not know of, for a write that fails in one transaction of
// several written at once (test/import/writers.test.ts); dropped with test/drop-constraint.
CREATE CONSTRAINT test_source_url IF NOT EXISTS FOR (n:Source) REQUIRE n.url IS UNIQUE
