// The filters whose answer grows with the graph (a kind, a signing-date range) read their
// page in the list's order from an index and stop after $skip + $limit entries, instead of
// sorting every match (cypher/organisations/kind-page.cypher, cypher/agreements/kind-page.cypher,
// cypher/agreements/dates-page.cypher): with the kind fixed, these composite range indexes
// hold a kind's organisations by name and its agreements by name and by signing date, in
// order. A node lacking either property is not in them; those pages read such nodes apart.
CREATE RANGE INDEX organisation_kind_name IF NOT EXISTS FOR (n:Organisation) ON (n.kind, n.name);
CREATE RANGE INDEX agreement_kind_name IF NOT EXISTS FOR (n:Agreement) ON (n.kind, n.name);
CREATE RANGE INDEX agreement_kind_signed_on IF NOT EXISTS FOR (n:Agreement) ON (n.kind, n.signedOn);
