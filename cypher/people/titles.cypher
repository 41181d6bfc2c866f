// The distinct titles of roles, in the source's words and in English: a title argument matches
// those that fold to its form as names do (src/names.ts), which code does, having OpenCC.
MATCH (r:Role)
UNWIND [r.title, r.titleEn] AS title
WITH DISTINCT title
WHERE title IS NOT NULL
RETURN title
