// A role as the release before migration 0004 wrote it: statedOn one date, not a list.
MERGE (r:Entity:Role {id: 'role-old-shape'})
SET r.title = '校长', r.statedOn = '2019-05-10', r.sources = ['src-old']
