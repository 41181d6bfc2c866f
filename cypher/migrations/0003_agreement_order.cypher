// Agreement lists without filters come in title or signing-date order, a page at a time: with
// these range indexes Neo4j reads the first entries of the index instead of sorting every
// agreement (agreements/all.cypher), so a page costs the same on a graph of any size.
CREATE RANGE INDEX agreement_name IF NOT EXISTS FOR (n:Agreement) ON (n.name);
CREATE RANGE INDEX agreement_signed_on IF NOT EXISTS FOR (n:Agreement) ON (n.signedOn);
