/**
 * English announcements of MoUs and agreements:
 *
 *   Harbour City University (HCU) and Meridian Logistics Group Ltd. signed a Memorandum of
 *   Understanding (MoU) on 14 May ... The MoU was signed by Professor Chen Jianhua,
 *   Vice-President of HCU, and Mr. David Morgan, Managing Director of Meridian Logistics
 *   Group, on behalf of the two organisations. The signing was witnessed by ...
 *
 * Organisations are runs of capitalised words holding a word such as University, Group, Ltd.
 * or Embassy; an abbreviation in brackets after one, or the name without its legal ending, is
 * another name of it. People are read from "Name, Title of Organisation"; they sign for the
 * organisation their title is at, and only where the text says they signed.
 */
import type { Agreement, Unplaced } from './agreements.ts';
import { agreementKind } from './agreements.ts';
import type { Article, Span } from './article.ts';
import { findDates } from './dates.ts';
import type { NewsEvent } from './events.ts';
import type { Findings } from './findings.ts';
import { People, type Person } from './officials.ts';
import { merge, type Organisation, Organisations, type OrgKind } from './organisations.ts';
import { englishSentences } from './sentences.ts';

const HEADS =
  /\b(University|College|Institute|Academy|Group|Company|Corporation|Corp\.?|Ltd\.?|Limited|Inc\.?|AS|ASA|AG|GmbH|SA|plc|PLC|LLC|Embassy|Consulate|Committee|Commission|Bureau|Agency|Authority|Council|Association|Society|Foundation|Hospital|Bank|Centre|Center|Laboratory|Ministry|Government|Administration|Federation|Chamber)\b/;
const CAP = "(?:[A-Z][A-Za-z&'-]*\\.?|[A-Z]{2,})";
const ORG_NAME = new RegExp(`${CAP}(?:\\s+(?:of|for|in|the|de|&)?\\s*${CAP})*`, 'g');
const LEGAL = /\s+(Ltd\.?|Limited|Inc\.?|AS|ASA|AG|GmbH|SA|plc|PLC|LLC|Co\.,? Ltd\.?|Corp\.?)$/;
const HONOUR = '(?:(?:Professor|Prof\\.|Dr\\.|Mr\\.|Ms\\.|Mrs\\.|Madam|Sir)\\s+)?';
const APPOSITIVE = new RegExp(
  `${HONOUR}([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}),\\s+(?:the\\s+)?([A-Z][A-Za-z-]*(?:\\s+(?:for|of|and)?\\s*[A-Z][A-Za-z-]*)*?)\\s+(?:of|at)\\s+(?:the\\s+)?`,
  'g',
);
const AGREEMENT =
  /\bsign(?:ed|s|ing)?\s+(?:an?\s+|the\s+)?((?:[A-Z][a-z]+\s+)*(?:Memorandum of Understanding|MoU|MOU|(?:[Ss]trategic\s+|[Ff]ramework\s+|[Cc]ooperation\s+|[Cc]ollaboration\s+|[Pp]artnership\s+)*[Aa]greement|[Ll]etter of [Ii]ntent|[Cc]ontract))/g;

function kindOfEnglish(name: string): OrgKind {
  if (/University|College|Academy|Institute of Technology|School/.test(name)) return 'university';
  if (/Institute|Laboratory|Research/.test(name)) return 'research-institute';
  if (
    /Embassy|Consulate|Ministry|Government|Bureau|Agency|Authority|Commission|Administration|Council|Department/.test(
      name,
    )
  )
    return 'government';
  if (/Association|Society|Federation|Chamber|Foundation/.test(name)) return 'association';
  if (LEGAL.test(name) || /Group|Company|Corporation/.test(name)) return 'company';
  return 'other';
}

export function readEnglish(
  article: Article,
  publishedOn: string | undefined,
  title: string,
  titleSpan: Span,
): Findings {
  const { text } = article;
  const sentences = englishSentences(article);
  const orgs = new Organisations();
  const unplaced: Unplaced[] = [];
  const bodyStart = article.paragraphs[0]?.[0] ?? 0;
  const dates = findDates(text, publishedOn).filter((d) => d.span[0] >= bodyStart);

  // Organisations and their abbreviations.
  for (const sentence of sentences) {
    const part = text.slice(...sentence.span);
    for (const m of part.matchAll(ORG_NAME)) {
      let name = m[0].replace(/^(The|A|An)\s+/, '');
      // Chief Technology Officer of Vantage Robotics Group: a title before the name.
      const of = name.indexOf(' of ');
      if (of !== -1 && !HEADS.test(name.slice(0, of)) && HEADS.test(name.slice(of + 4))) {
        name = name.slice(of + 4).replace(/^the\s+/, '');
      }
      const at = sentence.span[0] + m.index + (m[0].length - name.length);
      if (!HEADS.test(name)) continue;
      name = name.replace(/\s+(of|for|in|the|de|&)$/, '');
      if (name.endsWith('.') && !/\b(Ltd|Inc|Corp|Co)\.$/.test(name)) name = name.slice(0, -1);
      const span: Span = [at, at + name.length];
      const org = orgs.find(name) ?? orgs.add(name, span, name, 0.85);
      org.kind = kindOfEnglish(name);
      orgs.mention(org, span, 'name');
      const abbreviation = /^\s*\(([A-Z][A-Za-z]{1,9})\)/.exec(text.slice(span[1]));
      if (abbreviation) {
        const short = abbreviation[1] as string;
        const s = span[1] + (abbreviation[0].length - short.length - 1);
        orgs.alias(org, short, short, [s, s + short.length]);
      }
    }
  }
  // Later uses: an abbreviation, or the name without its legal ending.
  for (const org of [...orgs.all]) {
    const bare = org.name.replace(LEGAL, '');
    const twin = orgs.all.find((o) => o !== org && o.name === bare);
    if (twin) merge(orgs, twin, org, text);
    if (bare !== org.name && bare.split(' ').length >= 2) {
      const at = text.indexOf(bare, org.span[1]);
      if (at !== -1) orgs.alias(org, bare, bare, [at, at + bare.length]);
    }
  }
  const names = [...orgs.all.flatMap((o) => [o.name, ...o.aliases])].sort(
    (a, b) => b.length - a.length,
  );
  for (const sentence of sentences) {
    const part = text.slice(...sentence.span);
    for (const name of names) {
      const pattern = new RegExp(
        `\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`,
        'g',
      );
      for (const m of part.matchAll(pattern)) {
        const at = sentence.span[0] + m.index;
        if (orgs.mentions.some((x) => x.span[0] <= at && x.span[1] > at)) continue;
        orgs.mention(orgs.find(name) as Organisation, [at, at + name.length], 'alias');
      }
    }
  }
  orgs.mentions.sort((a, b) => a.span[0] - b.span[0]);
  const orgAt = (at: number) => orgs.mentions.find((m) => m.span[0] === at)?.org;

  // People: "Name, Title of Organisation".
  const people = new People();
  const inSentence = new Map<number, { person: Person; org?: Organisation; span: Span }[]>();
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    const found: { person: Person; org?: Organisation; span: Span }[] = [];
    for (const m of part.matchAll(APPOSITIVE)) {
      const nameAt = sentence.span[0] + m.index + m[0].indexOf(m[1] as string);
      const name = m[1] as string;
      const titleText = m[2] as string;
      const org = orgAt(sentence.span[0] + m.index + m[0].length);
      const person = people.add(name, name, [nameAt, nameAt + name.length], 0.85);
      const phrase: Span = [sentence.span[0] + m.index, sentence.span[0] + m.index + m[0].length];
      people.mention(person, [nameAt, nameAt + name.length], index, phrase);
      if (org) {
        people.role({
          person,
          organisation: org,
          title: titleText,
          rank: 0,
          span: phrase,
          confidence: 0.85,
        });
      } else {
        unplaced.push({
          kind: 'role',
          text: `${name}, ${titleText}`,
          span: phrase,
          reason: 'a title at a body the rules did not recognise',
        });
      }
      found.push({ person, ...(org ? { org } : {}), span: [nameAt, nameAt + name.length] });
    }
    inSentence.set(index, found);
  });
  // Names met again: "said Ingrid Halvorsen", "Professor Whitfield".
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    for (const person of people.all) {
      const surname = person.name.split(' ').at(-1) as string;
      for (const form of [person.name, surname]) {
        let from = 0;
        for (;;) {
          const k = part.indexOf(form, from);
          if (k === -1) break;
          from = k + form.length;
          const at = sentence.span[0] + k;
          if (people.mentions.some((m) => m.span[0] <= at && m.span[1] > at)) continue;
          if (
            form === surname &&
            !/(Professor|Prof\.|Dr\.|Mr\.|Ms\.|Mrs\.)\s+$/.test(part.slice(0, k))
          )
            continue;
          people.mention(person, [at, at + form.length], index);
        }
      }
    }
  });
  people.mentions.sort((a, b) => a.span[0] - b.span[0]);

  // Agreements.
  const agreements: Agreement[] = [];
  const leadDate = dates[0]?.date;
  const longForm = /Memorandum of Understanding/.test(text);
  sentences.forEach((sentence) => {
    const part = text.slice(...sentence.span);
    for (const m of part.matchAll(AGREEMENT)) {
      if (/\bwas signed|were signed/.test(part.slice(0, m.index + 12))) continue;
      let name = (m[1] as string).trim();
      if (/^(MoU|MOU)$/.test(name) && longForm) name = 'Memorandum of Understanding';
      name = name.replace(/^(a|an|the)\s+/i, '');
      if (/^(Agreement|agreement)$/.test(name)) name = 'Agreement';
      const at = sentence.span[0] + m.index;
      const before = orgs.mentionsIn([sentence.span[0], at]);
      const parties: Organisation[] = [];
      for (const x of before) if (!parties.includes(x.org)) parties.push(x.org);
      const date =
        dates.find((d) => d.span[0] >= sentence.span[0] && d.span[1] <= sentence.span[1])?.date ??
        leadDate;
      if (parties.length < 2) {
        if (agreements.length === 0)
          unplaced.push({
            kind: 'agreement',
            text: name,
            span: sentence.span,
            reason: 'an agreement whose parties the text does not name',
          });
        continue;
      }
      const key = name.toLowerCase();
      if (agreements.some((a) => a.key === key)) continue;
      agreements.push({
        title: name,
        key,
        kind: agreementKind(name),
        parties,
        signatories: [],
        witnesses: [],
        ...(date ? { signedOn: date } : {}),
        span: sentence.span,
        mentions: [sentence.span],
        confidence: 0.85,
      });
    }
  });
  // Who signed, who witnessed, who attended.
  const signing: NewsEvent | undefined = agreements.length
    ? {
        name: /ceremony/i.test(text) ? 'signing ceremony' : 'signing',
        kind: 'signing-ceremony',
        ...(agreements[0]?.signedOn ? { date: agreements[0].signedOn } : {}),
        attendees: [],
        hosts: [],
        span: (agreements[0] as Agreement).span,
        confidence: 0.75,
      }
    : undefined;
  const attend = (p: Person) => {
    if (signing && !signing.attendees.includes(p)) signing.attendees.push(p);
  };
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    const agreement =
      agreements.find(
        (a) => part.includes(a.title) || /\b(MoU|MOU|agreement|contract)\b/i.test(part),
      ) ?? agreements[0];
    const after = (phrase: RegExp) => {
      const m = phrase.exec(part);
      if (!m) return [];
      const from = sentence.span[0] + m.index + m[0].length;
      return people.mentionsIn([from, sentence.span[1]]);
    };
    const signers = after(/\bsigned by\b/);
    if (agreement && signers.length > 0) {
      const roles = inSentence.get(index) ?? [];
      for (const s of signers) {
        const org =
          roles.find((r) => r.person === s.person)?.org ?? people.organisationsOf(s.person)[0];
        if (org && agreement.parties.includes(org)) {
          if (!agreement.signatories.some((x) => x.person === s.person))
            agreement.signatories.push({
              person: s.person,
              onBehalfOf: org,
              span: sentence.span,
              confidence: 0.85,
            });
        } else {
          unplaced.push({
            kind: 'signatory',
            text: s.person.name,
            span: sentence.span,
            reason: 'signed, for a party the text does not make clear',
          });
        }
        attend(s.person);
      }
    }
    for (const w of after(/\bwitnessed by\b/)) {
      if (agreement && !agreement.witnesses.includes(w.person)) agreement.witnesses.push(w.person);
      attend(w.person);
    }
    for (const a of after(/\battended by\b/)) attend(a.person);
  });
  // A person named with a title at a party, in a sentence about the signing, was there.
  return {
    article,
    ...(publishedOn ? { publishedOn } : {}),
    title,
    titleSpan,
    organisations: orgs.all,
    people: people.all,
    roles: people.roles,
    agreements,
    events: signing ? [signing] : [],
    credits: [],
    regions: [],
    initiatives: [],
    concerns: new Map(),
    ...(leadDate ? { storyDate: leadDate } : {}),
    unplaced,
  };
}
