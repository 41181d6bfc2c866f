/**
 * `extractDraft`: an article in, a draft of import records out. Reads the article (segmenting,
 * language, headline), runs the rules of its language, matches the names against the graph
 * when a database is given, and writes the draft (src/extract/draft.ts).
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { findAgreements, mergeHeadline, type Unplaced } from './agreements.ts';
import { htmlToText, readArticle } from './article.ts';
import { findCredits } from './credits.ts';
import { datesOfActs, findDates, headerDate } from './dates.ts';
import { buildDraft, type Draft } from './draft.ts';
import { readEnglish } from './english.ts';
import { findEvents } from './events.ts';
import type { Findings } from './findings.ts';
import { matchGraph } from './graph.ts';
import { findInitiatives } from './initiatives.ts';
import { findOfficials } from './officials.ts';
import { findOrganisations } from './organisations.ts';
import { findRegions } from './places.ts';
import { chineseSentences } from './sentences.ts';
import { yearlessDates } from './unplaced.ts';

export interface ExtractOptions {
  /** YYYY-MM-DD: dates 昨日 and 今日 (a month and day takes a year only from the text). Else a date in the header. */
  publishedOn?: string;
  sourceUrl?: string;
  /** Match names against this graph. */
  db?: Database;
  /** The text is an HTML page. */
  html?: boolean;
}

/** Reads an article and finds what its rules can. */
export function findFacts(input: string, options: ExtractOptions = {}): Findings {
  const article = readArticle(options.html ? htmlToText(input) : input);
  const { text, view } = article;
  const publishedOn =
    options.publishedOn ?? headerDate(article.header.map(([s, e]) => view.slice(s, e)));
  const titleSpan = article.title ?? article.paragraphs[0] ?? [0, 0];
  const title = text.slice(...titleSpan).trim() || 'untitled';
  if (article.language === 'en') {
    const english = readEnglish(article, publishedOn, title, titleSpan, options.sourceUrl);
    const mentions = findDates(view, publishedOn);
    english.unplaced.push(
      ...yearlessDates(text, [...english.agreements, ...english.events], mentions),
    );
    return english;
  }

  const sentences = chineseSentences(article);
  const spans = sentences.map((s) => s.span);
  const bodyStart = article.paragraphs[0]?.[0] ?? 0;
  const dates = datesOfActs(
    view,
    spans,
    findDates(view, publishedOn).filter((d) => d.span[0] >= bodyStart),
  );
  const orgs = findOrganisations(text, view, spans);
  const people = findOfficials(text, view, sentences, orgs);
  const found = findAgreements(text, view, sentences, orgs, people, dates);
  const agreements = mergeHeadline(found.agreements, article.title);
  const { unplaced } = found;
  const events = findEvents(text, view, sentences, people, agreements, dates);
  const credits = findCredits(text, view, [...article.header, ...article.paragraphs]);
  for (const c of credits) if (!people.find(c.key)) people.add(c.key, c.name, c.span, 0.85);
  const regions = findRegions(text, view, sentences, orgs, events);
  const { initiatives, concerns } = findInitiatives(text, view, sentences, agreements, regions);
  const storyDate = dates[0]?.date;

  const notes: Unplaced[] = [
    ...unplaced,
    ...people.unplaced,
    ...yearlessDates(text, [...agreements, ...events], dates),
  ];
  const withRole = new Set(people.roles.map((r) => r.person));
  const present = new Set(events.flatMap((e) => [...e.attendees, ...e.hosts]));
  for (const p of people.all) {
    if (!withRole.has(p) && !present.has(p) && !credits.some((c) => c.key === p.key)) {
      notes.push({
        kind: 'person',
        text: p.name,
        span: p.span,
        reason: 'person-without-part',
        detail: 'named, without a title or a part in an event',
      });
    }
  }
  return {
    article,
    ...(publishedOn ? { publishedOn } : {}),
    title,
    titleSpan,
    organisations: orgs.all,
    people: people.all,
    roles: people.roles,
    agreements,
    events,
    credits,
    regions,
    initiatives,
    concerns,
    ...(storyDate ? { storyDate } : {}),
    unplaced: notes,
  };
}

/** The draft of an article: import records with confidence and evidence, and what was not placed. */
export async function extractDraft(input: string, options: ExtractOptions = {}): Promise<Draft> {
  const findings = findFacts(input, options);
  const matches = options.db ? await matchGraph(options.db, findings) : undefined;
  const taken = new Set<string>();
  for (;;) {
    const draft = buildDraft(findings, {
      ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
      ...(matches ? { matches } : {}),
      taken,
    });
    if (!options.db) return draft;
    // A new record must not take the id of an entity of the graph it was not matched to.
    const fresh = draft.records.filter((r) => !r.match).map((r) => r.record.id as string);
    // An entity that cites this article's own source is the same fact drafted before (the
    // article was imported already): the draft states it again under its id, not as `-2`.
    const clashes = (await options.db.read(cypher('extract/existing-ids'), { ids: fresh }))
      .filter((row) => !(row.sources as string[]).includes(draft.sourceId))
      .map((row) => row.id as string)
      .filter((id) => !taken.has(id));
    if (clashes.length === 0) return draft;
    for (const id of clashes) taken.add(id);
  }
}
