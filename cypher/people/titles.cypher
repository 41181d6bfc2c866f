// The distinct titles of roles, in the source's words and in English: a title argument matches
// those that fold to its form as names do (src/names.ts), which code does, having OpenCC.
// Read from the role title indexes (migration 0006), not from the Role nodes; still one entry
// per role: a folded title key stored on each role would make this a seek.
CALL () {
  MATCH (r:Role) WHERE r.title IS NOT NULL
  RETURN DISTINCT r.title AS title
  UNION
  MATCH (r:Role) WHERE r.titleEn IS NOT NULL
  RETURN DISTINCT r.titleEn AS title
}
RETURN title
