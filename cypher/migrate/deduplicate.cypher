// Before migration records were unique, two processes migrating at once could record one
// migration twice; the unique constraint (migrate/constraint) cannot be made over such twins,
// so all but one of each are removed first. Without twins this matches nothing.
MATCH (m:_Migration)
WITH m.name AS name, collect(m) AS records
WHERE size(records) > 1
UNWIND tail(records) AS twin
DELETE twin
