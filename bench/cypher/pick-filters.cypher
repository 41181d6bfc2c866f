// One value for each list filter of the filter scale curve (bench/query/filters.ts), chosen
// by the same rule at every size: the first by id of each kind of reference that the filter
// finds something for. The region is one with sub-regions that is itself part of another,
// so that the walk down has more than one level.
MATCH (o:Organisation) WHERE EXISTS { (o)<-[:AT]-(:Role) }
WITH o.id AS organisation ORDER BY organisation LIMIT 1
MATCH (r:Role)
WITH organisation, r.title AS title ORDER BY r.id LIMIT 1
MATCH (party:Organisation) WHERE EXISTS { (party)-[:PARTY_TO]->(:Agreement) }
WITH organisation, title, party.id AS party ORDER BY party LIMIT 1
MATCH (signatory:Person) WHERE EXISTS { (signatory)-[:SIGNED]->(:Agreement) }
WITH organisation, title, party, signatory.id AS signatory ORDER BY signatory LIMIT 1
MATCH (attendee:Person) WHERE EXISTS { (attendee)-[:ATTENDED]->(:Event)<-[:SIGNED_AT]-(:Agreement) }
WITH organisation, title, party, signatory, attendee.id AS attendee ORDER BY attendee LIMIT 1
MATCH (region:Region) WHERE EXISTS { (region)<-[:PART_OF]-(:Region) } AND EXISTS { (region)-[:PART_OF]->(:Region) }
WITH organisation, title, party, signatory, attendee, region.id AS region ORDER BY region LIMIT 1
RETURN organisation, title, party, signatory, attendee, region
