// A role's stored statedOn, as it is (to see its shape after a migration).
MATCH (r:Role {id: $id}) RETURN r.statedOn AS statedOn
