// people's lists read their page in the list's order (name, then id) along this index and stop
// after $skip + $limit entries, instead of sorting every person a filter finds
// (cypher/people/matching.cypher). A person without a name is not in it; that page reads them
// apart.
CREATE RANGE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
