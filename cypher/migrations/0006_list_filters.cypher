// List filters start from an index instead of reading every node of a label: people by a
// role's title (in the source's words or in English; people/matching.cypher), organisations
// and agreements by kind (organisations/matching.cypher, agreements/matching.cypher).
CREATE RANGE INDEX role_title IF NOT EXISTS FOR (n:Role) ON (n.title);
CREATE RANGE INDEX role_title_en IF NOT EXISTS FOR (n:Role) ON (n.titleEn);
CREATE RANGE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE RANGE INDEX agreement_kind IF NOT EXISTS FOR (n:Agreement) ON (n.kind);
