/**
 * Writing findings out as a draft: records of the import format (docs/import-format.md), each
 * in a wrapper with the rules' confidence and the span of the text it came from, so that the
 * records stay valid import records and a reviewer sees the evidence:
 *
 *   {"record": {...}, "confidence": 0.9, "span": [12, 40], "evidence": "北京工业大学党委书记姜泽廷"}
 *
 * and what was found but not placed: {"unplaced": {"kind", "text", "span", "reason", "detail"}}.
 * Only organisations that take part in a fact (a party, an employer, a parent or second name
 * of one) become records; every other body the text names is listed as unplaced.
 */
import type { Agreement, Unplaced } from './agreements.ts';
import type { Span } from './article.ts';
import { isFullDate } from './dates.ts';
import type { Findings, Initiative, Region } from './findings.ts';
import type { GraphMatches } from './graph.ts';
import { englishName, hash, IdMaker, slugOf } from './ids.ts';
import type { Person } from './officials.ts';
import type { Organisation } from './organisations.ts';

export type DraftRecordBody = Record<string, unknown> & { type: string };

export interface DraftRecord {
  record: DraftRecordBody;
  confidence: number;
  /** Where the evidence is: offsets into the article's text (UTF-16 code units). */
  span: Span;
  evidence: string;
  /** The entity of the graph this record refers to, when the name matched one. */
  match?: { id: string; name: string };
}

export interface Draft {
  language: string;
  publishedOn?: string;
  sourceId: string;
  records: DraftRecord[];
  unplaced: (Unplaced & { evidence: string })[];
}

export interface DraftOptions {
  sourceUrl?: string;
  matches?: GraphMatches;
  /** Ids the graph already holds for other entities: new records take others. */
  taken?: Iterable<string>;
}

const KIND_SHORT: Record<string, string> = {
  'strategic-cooperation-agreement': 'strategic',
  'cooperation-agreement': 'cooperation',
  contract: 'contract',
  'memorandum-of-understanding': 'mou',
  'framework-agreement': 'framework',
  'letter-of-intent': 'intent',
  other: 'agreement',
  'signing-ceremony': 'signing',
  symposium: 'symposium',
  visit: 'visit',
  meeting: 'meeting',
  conference: 'conference',
};

const round = (n: number) => Math.round(n * 100) / 100;

export function buildDraft(findings: Findings, options: DraftOptions = {}): Draft {
  const { article } = findings;
  const text = article.text;
  const matches = options.matches;
  const ids = new IdMaker();
  for (const id of options.taken ?? []) ids.reserve(id);
  const records: DraftRecord[] = [];
  const unplaced: Draft['unplaced'] = [];
  const evidence = (span: Span) => text.slice(span[0], span[1]);
  const push = (
    record: DraftRecordBody,
    confidence: number,
    span: Span,
    match?: DraftRecord['match'],
  ) => {
    records.push({
      record,
      confidence: round(confidence),
      span,
      evidence: evidence(span),
      ...(match ? { match } : {}),
    });
  };
  const note = (u: Unplaced) => unplaced.push({ ...u, evidence: evidence(u.span) });

  // The source.
  const sourceId =
    matches?.source?.id ?? `src-${findings.publishedOn ?? 'undated'}-${hash(findings.title)}`;
  ids.reserve(sourceId);
  const sources = [sourceId];
  // Undated, or dated without a year: the source's hash keeps another article's
  // event-signing-undated or agreement-mou-06-29 from taking the same id.
  const dayOf = (date: string | undefined) =>
    isFullDate(date) ? date : `${(date ?? 'undated').replace(/^-+/, '')}-${hash(sourceId)}`;

  // Which organisations take part.
  const placed = new Set<Organisation>();
  const place = (o: Organisation) => {
    if (placed.has(o)) return;
    placed.add(o);
    if (o.parent && o.parentSpan) place(o.parent);
    for (const s of o.sameAs) place(s);
  };
  for (const r of findings.roles) place(r.organisation);
  for (const a of findings.agreements) for (const p of a.parties) place(p);
  for (const o of findings.organisations) if (o.visited) place(o);
  for (const o of findings.organisations) {
    if (o.parent && o.parentSpan && (placed.has(o.parent) || placed.has(o))) place(o);
  }
  for (const o of findings.organisations) if (o.sameAs.some((s) => placed.has(s))) place(o);

  const orgIds = new Map<Organisation, string>();
  const organisations = findings.organisations.filter((o) => placed.has(o));
  for (const o of organisations) {
    const match = matches?.organisations.get(o);
    orgIds.set(o, match ? match.id : ids.make(`org-${slugOf(o.name)}`));
    if (match) ids.reserve(match.id);
  }
  const personIds = new Map<Person, string>();
  const credited = findings.credits.map((c) => c.key);
  for (const p of findings.people) {
    const match = matches?.people.get(p);
    personIds.set(p, match ? match.id : ids.make(`person-${slugOf(p.key, true)}`));
  }
  const regionIds = new Map<Region, string>();
  for (const r of findings.regions) {
    const match = matches?.regions.get(r);
    regionIds.set(r, match ? match.id : ids.make(`region-${slugOf(r.key)}`));
  }
  const initiativeIds = new Map<Initiative, string>();
  for (const i of findings.initiatives)
    initiativeIds.set(i, ids.make(`initiative-${slugOf(i.key)}`));

  // Source.
  const credits = findings.credits.flatMap((c) =>
    c.roles.map((role) => ({
      person: personIds.get(findings.people.find((p) => p.key === c.key) as Person) as string,
      role,
    })),
  );
  push(
    {
      type: 'source',
      id: sourceId,
      name: findings.title,
      ...(options.sourceUrl ? { url: options.sourceUrl } : {}),
      ...(findings.publishedOn ? { publishedOn: findings.publishedOn } : {}),
      language: article.language === 'en' ? 'en' : article.traditional ? 'zh-Hant' : 'zh-CN',
      ...(credits.length ? { credits } : {}),
    },
    1,
    findings.titleSpan,
    matches?.source ? { id: matches.source.id, name: matches.source.name } : undefined,
  );

  // Regions.
  for (const r of findings.regions) {
    const match = matches?.regions.get(r);
    push(
      {
        type: 'region',
        id: regionIds.get(r) as string,
        name: match?.name ?? r.name,
        ...(r.aliases.length || (match && match.name !== r.name)
          ? {
              aliases: [
                ...new Set([...(match && match.name !== r.name ? [r.name] : []), ...r.aliases]),
              ],
            }
          : {}),
        ...(match ? {} : { kind: r.kind }),
        ...(r.parent ? { parent: regionIds.get(r.parent) } : {}),
        sources,
      },
      r.confidence,
      r.span,
      match,
    );
  }

  // Organisations.
  for (const o of organisations) {
    const match = matches?.organisations.get(o);
    const names = [o.name, ...o.aliases].filter((n) => !match?.names.includes(n));
    const aliases = match ? names : o.aliases;
    const region = o.place
      ? findings.regions.find((r) => r.name === o.place || r.key === o.place)
      : undefined;
    push(
      {
        type: 'organisation',
        id: orgIds.get(o) as string,
        name: match?.name ?? o.name,
        ...(aliases.length ? { aliases } : {}),
        ...(match ? {} : { kind: o.kind }),
        ...(region && !match ? { region: regionIds.get(region) } : {}),
        ...(o.parent && placed.has(o.parent) ? { parent: orgIds.get(o.parent) } : {}),
        ...(o.sameAs.length
          ? { sameAs: o.sameAs.filter((s) => placed.has(s)).map((s) => orgIds.get(s)) }
          : {}),
        sources,
      },
      o.confidence * (match ? 1 : 1),
      o.parentSpan ?? o.span,
      match ? { id: match.id, name: match.name } : undefined,
    );
  }
  for (const o of findings.organisations) {
    if (placed.has(o) && o.unnamed) {
      note({
        kind: 'organisation',
        text: o.name,
        span: o.span,
        reason: 'own-body-unnamed',
        detail: `the page's own body, called only ${o.name}: the text does not name it; put its name (or the id of the entity) in the record before importing`,
      });
    }
    if (placed.has(o)) continue;
    note({
      kind: 'organisation',
      text: o.name,
      span: o.span,
      reason: 'organisation-not-placed',
      detail: 'named, but not as a party, an employer or a parent of one',
    });
  }

  // People.
  for (const p of findings.people) {
    const match = matches?.people.get(p);
    const nameEn = englishName(p.key);
    push(
      {
        type: 'person',
        id: personIds.get(p) as string,
        name: match?.name ?? p.name,
        ...(match && match.name !== p.name && !match.names.includes(p.name)
          ? { aliases: [p.name] }
          : {}),
        ...(!match && nameEn ? { nameEn } : {}),
        sources,
      },
      credited.includes(p.key) ? 0.85 : p.confidence,
      p.span,
      match ? { id: match.id, name: match.name } : undefined,
    );
  }

  // Roles.
  const ranks = new Map<Person, number>();
  for (const r of findings.roles) {
    const pid = personIds.get(r.person) as string;
    const id = ids.make(`role-${pid.replace(/^person-/, '')}-${slugOf(r.title)}`);
    const rank = r.rank;
    ranks.set(r.person, Math.max(ranks.get(r.person) ?? 0, rank));
    push(
      {
        type: 'role',
        id,
        person: pid,
        organisation: orgIds.get(r.organisation) as string,
        title: r.title,
        ...(isFullDate(findings.storyDate) ? { statedOn: findings.storyDate } : {}),
        rank,
        sources,
      },
      r.confidence,
      r.span,
    );
  }

  // Initiatives.
  for (const i of findings.initiatives) {
    push(
      {
        type: 'initiative',
        id: initiativeIds.get(i) as string,
        name: i.name,
        ...(i.aliases.length ? { aliases: i.aliases } : {}),
        kind: 'zone',
        ...(i.regions.length ? { regions: i.regions.map((r) => regionIds.get(r)) } : {}),
        ...(i.parent ? { parent: initiativeIds.get(i.parent) } : {}),
        sources,
      },
      i.confidence,
      i.span,
    );
  }

  // Events.
  const eventIds = new Map<(typeof findings.events)[number], string>();
  for (const e of findings.events) {
    const id = ids.make(`event-${KIND_SHORT[e.kind]}-${dayOf(e.date)}`);
    eventIds.set(e, id);
    const placeRegion = e.place ? findings.regions.find((r) => r.name === e.place) : undefined;
    push(
      {
        type: 'event',
        id,
        name: e.name,
        kind: e.kind,
        ...(e.date ? { date: e.date } : {}),
        ...(placeRegion ? { place: regionIds.get(placeRegion) } : {}),
        ...(e.attendees.length ? { attendees: e.attendees.map((p) => personIds.get(p)) } : {}),
        ...(e.hosts.length ? { hosts: e.hosts.map((p) => personIds.get(p)) } : {}),
        sources,
      },
      e.confidence,
      e.span,
    );
  }

  // Agreements.
  const signing = findings.events.find((e) => e.kind === 'signing-ceremony');
  for (const a of findings.agreements) {
    push(agreementRecord(a), a.confidence, a.span);
  }
  function agreementRecord(a: Agreement): DraftRecordBody {
    const concerns = findings.concerns.get(a) ?? [];
    return {
      type: 'agreement',
      id: ids.make(`agreement-${KIND_SHORT[a.kind]}-${dayOf(a.signedOn)}`),
      name: a.title,
      ...(a.aliases?.length ? { aliases: a.aliases } : {}),
      kind: a.kind,
      ...(a.signedOn ? { signedOn: a.signedOn } : {}),
      parties: a.parties.map((p) => orgIds.get(p)),
      ...(a.signatories.length
        ? {
            signatories: a.signatories.map((s) => ({
              person: personIds.get(s.person),
              onBehalfOf: orgIds.get(s.onBehalfOf),
            })),
          }
        : {}),
      ...(a.witnesses.length ? { witnesses: a.witnesses.map((w) => personIds.get(w)) } : {}),
      ...(signing ? { event: eventIds.get(signing) } : {}),
      ...(concerns.length ? { initiatives: concerns.map((i) => initiativeIds.get(i)) } : {}),
      sources,
    };
  }

  for (const u of findings.unplaced) note(u);
  for (const u of matches?.unplaced ?? []) note(u);
  return {
    language: (records[0]?.record.language as string) ?? article.language,
    ...(findings.publishedOn ? { publishedOn: findings.publishedOn } : {}),
    sourceId,
    records,
    unplaced,
  };
}
