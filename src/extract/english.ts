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
import { agreementKind, mergeHeadline, newAgreement } from './agreements.ts';
import type { Article, Span } from './article.ts';
import { findDates } from './dates.ts';
import type { NewsEvent } from './events.ts';
import type { Findings } from './findings.ts';
import { People, type Person } from './officials.ts';
import {
  merge,
  type Organisation,
  Organisations,
  type OrgKind,
  type OrgMention,
} from './organisations.ts';
import { englishSentences } from './sentences.ts';

/** A verb that makes a bare family name before it the subject of its clause ("Chen met with"). */
const SUBJECT_VERB =
  /^ (?:met|said|says|noted|added|stated|remarked|expressed|welcomed|introduced|hoped|thanked|signed|witnessed|visited|led)\b/;
const HEADS =
  /\b(Universiti|Universitas|Universidade|Università|Universiteit|Universitat|Université|Universidad|Universität|Politecnico|Polytechnic|Polytechnique|Institut|Instituto|Hochschule|Province|University|College|Institute|Academy|Group|Company|Corporation|Corp\.?|Ltd\.?|Limited|Inc\.?|AS|ASA|AG|GmbH|SA|plc|PLC|LLC|Faculty|Embassy|Consulate|Committee|Commission|Bureau|Agency|Authority|Council|Association|Society|Foundation|Hospital|Bank|Centre|Center|Laboratory|Ministry|Government|Administration|Federation|Chamber)\b/;
const CAP = "(?:[A-Z][A-Za-z&'-]*\\.?|[A-Z]{2,})";
const ORG_NAME = new RegExp(`${CAP}(?:\\s+(?:of|for|in|the|de|&)?\\s*${CAP})*`, 'g');
const LEGAL =
  /\s+(Pvt\.? Ltd\.?|Private Limited|Ltd\.?|Limited|Inc\.?|AS|ASA|AG|GmbH|SA|plc|PLC|LLC|Co\.,? Ltd\.?|Corp\.?)$/;
/**
 * Honorifics before a name, any number of them (Ir. Prof. Dato’ Dr. Lim Kok Seng, Shri D.
 * Patil, Academician Wang): never part of the name, nor of the title before them.
 */
const HONOUR =
  "(?:(?:Professor|Prof\\.?|Dr\\.?|Ir\\.?|Mr\\.?|Ms\\.?|Mrs\\.?|Shri|Smt\\.?|Madam|Sir|Academician|Dato[’']?|Datuk|Datin|Tan Sri|Puan|Encik|Ts\\.|Assoc\\.?)\\s+)*";
/** Initials before a family name: B. K. Mehta, E Rao, Y.C. Lin Wei (never the article A or I). */
const INITIALS = '(?:[A-Z]\\.\\s*|(?![AI]\\s)[A-Z]\\s+){1,3}';
/** A word of a title as English news writes it: Vice-Chancellor, Registrar i/c. */
const TITLE_WORD = '(?:[A-Z][A-Za-z-]*|[iI]/[cC]|\\([iI]/[cC]\\)|[Ii]n-charge)';
/**
 * "Name, Title of Body", "Name, Title, Body" or "Name, Title": the title and what follows it
 * are read ahead (not consumed), so that "A, Dean of X and B, Dean of Y" gives both.
 */
const APPOSITIVE = new RegExp(
  `${HONOUR}([A-Z][a-z]+[A-Z][a-z]+|${INITIALS}[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}),\\s+(?:the\\s+)?(?=(${TITLE_WORD}(?:\\s+(?:(?:for|of|and|&|at|the|in)\\s+)*${TITLE_WORD})*))`,
  'g',
);
/** A title held without a body named beside it (Prof. A, Vice-Chancellor): the word that makes it one. */
const TITLE_ALONE =
  /^(?:(?:Deputy|Vice|Pro|Executive|Associate|Assistant|Joint|Additional|Acting|Officiating)[- ])*(?:Vice-Chancellor|Vice Chancellor|Chancellor|President|Rector|Provost|Dean|Director|Chairman|Chairperson|Chair|CEO|Registrar|Principal|Secretary|Head|Controller|Coordinator|Minister|Ambassador|Consul|Governor|Managing Director|General Manager)\b/;
/** An agreement signed between bodies, told in the passive: "An MoU was signed between X and Y". */
const PASSIVE =
  /\b(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][a-z]+\s+){0,3}?(?:[Mm]emorandum[- ]of[- ][Uu]nderstanding|MoU|MOU|[Aa]greement))(?:\s*\([A-Za-z]+\))?\s+(?:was|has been|had been|is)\s+(?:signed|inked)(?:\s*\([A-Za-z]+\))?(?:\s+on\s+[\w ,]{3,30}?)?\s+between\s+(?:the\s+)?/;
/** The verbs of a signing: signed, inked, renewed, entered into, exchanged. */
const SIGN_VERB = '(?:sign(?:ed|s|ing)?|inked|renewed|enter(?:ed|s)?\\s+into|exchanged)';
const AGREEMENT = new RegExp(
  `\\b${SIGN_VERB}\\s+(an?\\s+|the\\s+|their\\s+)?((?:(?!(?:of|the|an?|to|for|with|on|in|at|by|and|between|under)\\s)[A-Za-z-]+\\s+){0,4}?(?:Memorand(?:um|ums|a)[- ]of[- ]Understanding|MoUs?|MOUs?|[Aa]greement|[Ll]etter of [Ii]ntent|[Cc]ontract))\\b`,
  'g',
);
/** No honorific is a word of a name (Development Prof. is no name). */
const NOT_HONOUR =
  '(?!(?:Professor|Prof|Dr|Ir|Ts|Dato|Datuk|Datin|Mr|Ms|Mrs|Shri|Encik|Academician)\\b)';
const NAME_WORD = `${NOT_HONOUR}(?:[A-Z]{2,}|[A-Z][a-z]+)`;
/**
 * How a name is written in English news: Wu Zhaohui, WU Zhaohui, FengFei, Haji Norarfan Bin
 * Haji Zainal, Chuah Hean Teik, B. K. Mehta.
 */
const NAME = `(?:[A-Z][a-z]+[A-Z][a-z]+|${INITIALS}[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}|${NAME_WORD}(?:\\s+(?:[Bb]in|[Bb]inti|${NAME_WORD})){1,5})`;
/** Titles written before a name (UCT Vice-Chancellor Mamokgethi Phakeng, ZJU President WU Zhaohui). */
const TITLE_BEFORE =
  '((?:(?:Deputy|Vice|Executive|Associate|Assistant)[- ])*(?:Vice-Chancellor|Vice Chancellor|Chancellor|President|Rector|Provost|Dean|Director|Chairman|Chair|CEO|CTO|CFO|Registrar|Secretary-General|Governor|Principal)(?:\\s+for\\s+[A-Z][a-z]+(?:\\s+(?:and\\s+|&\\s+)?[A-Z][a-z]+)*?)?)';
/** An acronym standing alone for a body: UPKL, NTUA (two capitals at least, none of the genre's own words). */
const ACRONYM = '([A-Z][A-Za-z]{0,2}[A-Z][A-Z]{0,5})';
const NOT_ACRONYM =
  /^(?:MoU|MOU|MoUs|MOUs|MoA|MOA|CEO|CTO|CFO|COO|PRO|OSD|MIC|SDG|SDGs|USA|UK|UAE|EU|UN|AI|IT|ICT|HR|PR|QA|CSR|PhD|MBA|STEM|COVID)$/;
/** An acronym before a title and a name: "UPKL President Prof. Lim Kok Seng". */
const ACRONYM_BEFORE_TITLE = new RegExp(
  `(?<![\\w(])${ACRONYM}(?:'s)?\\s+${TITLE_BEFORE}\\s*,?\\s+${HONOUR}${NAME}`,
  'g',
);
/** An acronym as a party of a passive signing: "signed between UPKL and Dalat Institute". */
const ACRONYM_BETWEEN = new RegExp(`\\bbetween\\s+${ACRONYM}\\s+and\\s+(?=[A-Z])`, 'g');
/** An acronym after a title: "Prof. Lim, Vice-Chancellor of UPKL, …" (no name goes on after it). */
const ACRONYM_AFTER_TITLE = new RegExp(
  `,\\s+(?:the\\s+)?(?:[A-Z][A-Za-z-]*\\s+){0,3}?(?:Vice-Chancellor|Chancellor|President|Rector|Provost|Dean|Director|Registrar|Principal|Chairman|Chairperson|CEO)(?:\\s+[iI]/[cC])?\\s+(?:of|at)\\s+${ACRONYM}(?![\\w(’'-])(?!\\s+[A-Z])`,
  'g',
);
/** Words of a web address that name no body: news.upkl.edu.my is UPKL. */
const HOST_WORDS =
  /^(?:www\d?|news|en|english|web|portal|home|edu|ac|com|org|net|gov|int|co|info|[a-z]{2})$/;
/** Those who sign come after: "signed by", "Signing on behalf of the parties were". */
const SIGNED_BY =
  /\bsigned by\b|\b[Ss]igning(?:\s+(?:the|this|these)\s+[A-Za-z]+)?\s+(?:on behalf of|for)\s+(?:the|both|their)\s+(?:(?:two|respective)\s+)*(?:parties|sides|institutions|universities|organi[sz]ations)\s+were\b/;
/** The verbs of one who signs, in an English sentence. */
const SIGNS = /\b(signed|inked|renewed|entered into|exchanged)\s+(?:the|their|an?)\b/;
/** Words of a sentence that place the people it names at the event. */
const PRESENT =
  /\b(present|attended|signed|inked|renewed|met|led|moderated|witness|presence|joined|visited|delegation)\b/i;

/** Words that end a subject or a unit, never a person's name (Electronic Engineering). */
const NOT_A_NAME =
  /\b(?:Engineering|Sciences?|Studies|Technology|Management|Medicine|Law|Arts|Business|Economics|Mathematics|Physics|Chemistry|Biology|Education|Research|Department|School|Faculty|College|Institute|Office|Centre|Center|Laboratory|Lab)$/;

/** "Provost and Deputy Vice-Chancellor": two titles when each half is a title of its own. */
function titlesOf(title: string): string[] {
  const halves = title.split(/\s+(?:and|&)\s+/);
  const whole = (t: string) => TITLE_ALONE.exec(t)?.[0] === t;
  return halves.length === 2 && halves.every(whole) ? halves : [title];
}

/** A unit of a university (Faculty of Engineering, Institute of Coastal Studies), by its name's start. */
const UNIT =
  /^(?:Faculty|School|Institute|Department|Centre|Center|College|Laboratory)\s+(?:of|for)\s/;
/** A unit named with its university: Faculty of Law of Universiti Teknologi Serang. */
const UNIT_OF =
  /^((?:Faculty|School|Institute|Department|Centre|Center|College|Laboratory)\s+(?:of|for)\s+.+?)\s+of\s+(?:the\s+)?(.*(?:Universit|College|Academy).*)$/;
const UNIVERSITY = /Universit|College|Academy|Institute of Technology/;

/**
 * Units listed together share the university named after them: "the Faculty of Law, the
 * Faculty of Arts and the Faculty of Science of X University", "Institute of Y, Z University".
 */
function attachUnits(orgs: Organisations, text: string) {
  const mentions = [...orgs.mentions].sort((a, b) => a.span[0] - b.span[0]);
  let run: typeof mentions = [];
  for (const [i, m] of mentions.entries()) {
    if (!UNIT.test(m.org.name)) {
      run = [];
      continue;
    }
    run.push(m);
    const next = mentions[i + 1];
    const gap = next ? text.slice(m.span[1], next.span[0]) : '';
    if (next && UNIT.test(next.org.name) && /^\s*(?:,|,?\s+and)\s+(?:the\s+)?$/.test(gap)) continue;
    const parent =
      m.org.parent ??
      (next && UNIVERSITY.test(next.org.name) && /^\s*(?:,|\s+of)\s+(?:the\s+)?$/.test(gap)
        ? next.org
        : undefined);
    const end = m.org.parent ? m.span[1] : (next?.span[1] ?? m.span[1]);
    for (const u of parent ? run : []) {
      if (u.org === parent || u.org.parent) continue;
      u.org.parent = parent;
      u.org.parentSpan = [u.span[0], end];
    }
    run = [];
  }
}

/**
 * The bodies listed from `at` on: "X", "X and Y", "X, the Y and the Z", each with its
 * abbreviation in brackets.
 */
function listedFrom(orgs: Organisations, text: string, at: number): OrgMention[] {
  const mentions = [...orgs.mentions].sort((a, b) => a.span[0] - b.span[0]);
  const out: OrgMention[] = [];
  let i = mentions.findIndex((x) => x.span[0] === at);
  while (i !== -1 && i < mentions.length) {
    const m = mentions[i] as OrgMention;
    out.push(m);
    let next = mentions[i + 1];
    // University of Kestrel Bay (UoKB) and …: the short form in brackets is the same body.
    if (next?.org === m.org && /^\s*\($/.test(text.slice(m.span[1], next.span[0]))) {
      i += 1;
      next = mentions[i + 1];
    }
    if (!next) break;
    const gap = text.slice(m.span[1], next.span[0]);
    if (!/^(?:\s*\([A-Za-z]+\))?\s*(?:,|,?\s+and|,\s+|\s+of|\s+&)\s*(?:the\s+)?$/.test(gap)) break;
    i += 1;
  }
  return out;
}

/** "with several faculties and a research institute at": units of a body named next. */
const UNITS_AT =
  /^(?:\s*\([A-Za-z]+\))?\s*with\s+(?:several|various|many|a number of|two|three|four|five|six)\s+(?:faculties|departments|schools|institutes|colleges|units|centres|centers)\b[^.]*?\b(?:at|of)\s+(?:the\s+)?/;
/** "The cooperation involves …": the sentence that lists the units. */
const INVOLVES =
  /\b(?:cooperation|collaboration|partnership|agreements?|MoUs?|[Mm]emorand\w+)\s+(?:involves?|covers?|includes?|brings?\s+together)\s+/;
const UNIT_HEAD = '(?:Department|Faculty|School|Institute|Centre|Center|College|Laboratory)';
/** A unit's name: capitalised words around its head (Hamdan Institute for Water Studies). */
const UNIT_NAME = new RegExp(
  `^(?:[A-Z][\\w-]*\\s+){0,3}${UNIT_HEAD}(?:\\s+(?:of|for|and|&|in)?\\s*[A-Z][\\w-]*)*$`,
);

/**
 * The units of `parent` the first sentence "The cooperation involves …" lists, each registered
 * as a body of its own, part of `parent`; none unless every item of the list is a unit.
 */
function unitsInvolved(
  orgs: Organisations,
  text: string,
  later: { span: Span }[],
  parent: Organisation,
): Organisation[] {
  const owners = [parent.name, ...parent.aliases];
  for (const sentence of later) {
    const part = text.slice(...sentence.span);
    const m = INVOLVES.exec(part);
    if (!m) continue;
    const from = sentence.span[0] + m.index + m[0].length;
    const list = text.slice(from, sentence.span[1]).replace(/\.$/, '');
    const items = list
      .split(/\s*,\s*(?:and\s+)?/)
      .flatMap((x) =>
        x.split(new RegExp(`\\s+and\\s+(?=(?:the\\s+)?(?:[A-Z][\\w']*\\s+){0,3}${UNIT_HEAD})`)),
      );
    const units: Organisation[] = [];
    let cursor = from;
    for (const item of items) {
      const possessive = /^(?:the\s+)?(?:([A-Z][A-Za-z]*)'s\s+)?(?:the\s+)?/.exec(item);
      const owner = possessive?.[1];
      const name = item.slice(possessive?.[0].length ?? 0).trim();
      if (!UNIT_NAME.test(name) || (owner && !owners.includes(owner))) return [];
      const at = text.indexOf(name, cursor);
      cursor = at + name.length;
      const span: Span = [at, at + name.length];
      const org = orgs.find(name) ?? orgs.add(name, span, name, 0.8);
      org.kind =
        /Institute|Laboratory|Centre|Center/.test(name) && !/^(?:Faculty|School|College)/.test(name)
          ? 'research-institute'
          : 'university';
      org.parent = parent;
      org.parentSpan = [sentence.span[0], sentence.span[1]];
      orgs.mention(org, span, 'name');
      units.push(org);
    }
    return units;
  }
  return [];
}

/** The subject of a signing, a name with its abbreviation in brackets. */
const SUBJECT_WITH_SHORT =
  /^(?:On [^,]{3,30},\s*)?(?:The\s+)?([A-Z][\w&'-]*(?:\s+(?:of|for|&|the|[A-Z][\w&'-]*)){1,8})\s*\(([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?)\)\s+(?:has\s+|have\s+)?(?:signed|inked|entered)\b/;

/**
 * Whether `short` abbreviates `name`: its capitals, after any whole word of the name it keeps
 * (Northfield SPH), are initials of the name's words in order.
 */
function abbreviates(short: string, name: string): boolean {
  const words = name.split(/\s+/);
  const rest = short
    .split(' ')
    .filter((w) => !words.includes(w))
    .join('');
  const capitals = rest.replace(/[^A-Z]/g, '');
  if (capitals.length < 2 || NOT_ACRONYM.test(short)) return false;
  // It begins where the name does: RRU is no short form of "UPKL and Red River University".
  if (!short.startsWith(words[0] as string) && capitals[0] !== words[0]?.[0]) return false;
  let i = 0;
  for (const w of words) if (w[0] === capitals[i]) i += 1;
  return i === capitals.length;
}

/** The words of a page's address that may be its publisher's acronym (upkl of news.upkl.edu.my). */
function hostAcronyms(url: string | undefined): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return [];
  }
  return host
    .toLowerCase()
    .split('.')
    .filter((w) => /^[a-z]{3,8}$/.test(w) && !HOST_WORDS.test(w));
}

/** An agreement a sentence states, of the kind its title names. */
function stated(
  title: string,
  key: string,
  parties: Organisation[],
  span: Span,
  signedOn: string | undefined,
  confidence: number,
): Agreement {
  const kind = agreementKind(title);
  return newAgreement({ title, key, kind, parties, span, mentions: [span], confidence, signedOn });
}

/** The parties among bodies named in a signing: each once, not the university of a unit that signs. */
function partiesOf(mentions: OrgMention[]): Organisation[] {
  const parties: Organisation[] = [];
  for (const x of mentions) if (!parties.includes(x.org)) parties.push(x.org);
  return parties.filter((o) => !parties.some((p) => p.parent === o));
}

function kindOfEnglish(name: string): OrgKind {
  if (/Province$/.test(name)) return 'government';
  if (
    /Universit|College|Academy|Institute of Technology|School|Faculty|Politecnic|Polytechn|Hochschule|^Institut /.test(
      name,
    )
  )
    return 'university';
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
  sourceUrl?: string,
): Findings {
  // The view: the text with its spaces (no-break ones too) and punctuation folded, same length.
  const { view: text } = article;
  const sentences = englishSentences(article);
  const orgs = new Organisations();
  const unplaced: Unplaced[] = [];
  const bodyStart = article.paragraphs[0]?.[0] ?? 0;
  const dates = findDates(text, publishedOn).filter((d) => d.span[0] >= bodyStart);

  // Organisations and their abbreviations.
  const register = (name: string, at: number) => {
    const span: Span = [at, at + name.length];
    const org = orgs.find(name) ?? orgs.add(name, span, name, 0.85);
    org.kind = kindOfEnglish(name);
    orgs.mention(org, span, 'name');
    // (HCU), (UoKB), and (Northfield HSC): a word of the name, then an acronym.
    const abbreviation = /^\s*\(([A-Z][A-Za-z]{1,9}|([A-Z][a-z]+) [A-Z]{2,6})\)/.exec(
      text.slice(span[1]),
    );
    const firstWord = abbreviation?.[2];
    if (abbreviation && (!firstWord || name.split(' ').includes(firstWord))) {
      const short = abbreviation[1] as string;
      const s = span[1] + (abbreviation[0].length - short.length - 1);
      orgs.alias(org, short, short, [s, s + short.length]);
    }
    return org;
  };
  for (const sentence of sentences) {
    const part = text.slice(...sentence.span);
    for (const m of part.matchAll(ORG_NAME)) {
      let name = m[0].replace(/^(The|A|An)\s+/, '');
      // Chief Technology Officer of Vantage Robotics Group: a title before the name.
      // (Dean of) Academic Affairs of Torvik College: as long as what comes before "of" is no body.
      for (;;) {
        const of = name.indexOf(' of ');
        if (of === -1 || HEADS.test(name.slice(0, of)) || !HEADS.test(name.slice(of + 4))) break;
        name = name.slice(of + 4).replace(/^the\s+/, '');
      }
      // ZVU's Faculty of Medicine: a unit of the body the possessive names.
      const owner = /^([A-Z][A-Za-z]*)'s\s+(?=[A-Z])/.exec(name);
      if (owner) name = name.slice(owner[0].length);
      const at = sentence.span[0] + m.index + (m[0].length - name.length);
      if (!HEADS.test(name)) continue;
      name = name.replace(/\s+(of|for|in|the|de|&)$/, '');
      if (name.endsWith('.') && !/\b(Ltd|Inc|Corp|Co)\.$/.test(name)) name = name.slice(0, -1);
      // Faculty of Social Sciences of Universiti Teknologi Serang: a unit, and its university.
      const unit = UNIT_OF.exec(name);
      if (unit) {
        const child = register(unit[1] as string, at);
        const parentAt = at + name.length - (unit[2] as string).length;
        child.parent = register(unit[2] as string, parentAt);
        child.parentSpan = [at, at + name.length];
      } else {
        const org = register(name, at);
        const parent = owner ? orgs.find(owner[1] as string) : undefined;
        if (parent && parent !== org && UNIT.test(name)) {
          org.parent = parent;
          org.parentSpan = [at - (owner?.[0].length ?? 0), at + name.length];
        }
      }
    }
  }
  // A body whose name has no word such as University, told with its abbreviation as the
  // subject of a signing: "Northfield School of Public Health (Northfield SPH) signed …".
  for (const sentence of sentences) {
    const m = SUBJECT_WITH_SHORT.exec(text.slice(...sentence.span));
    const name = m?.[1];
    if (!m || !name || !abbreviates(m[2] as string, name) || orgs.find(name)) continue;
    register(name, sentence.span[0] + m.index + m[0].indexOf(name));
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
  // The page's own body, named only by its acronym (UPKL President X; between UPKL and Y;
  // Vice-Chancellor of UPKL), or by the acronym its address carries (news.upkl.edu.my).
  const byHost = hostAcronyms(sourceUrl).map((a) => new RegExp(`\\b(${a})\\b`, 'gi'));
  for (const sentence of sentences) {
    const part = text.slice(...sentence.span);
    for (const slot of [ACRONYM_BEFORE_TITLE, ACRONYM_BETWEEN, ACRONYM_AFTER_TITLE, ...byHost]) {
      for (const m of part.matchAll(slot)) {
        const short = m[1] as string;
        if (NOT_ACRONYM.test(short) || !/[A-Z].*[A-Z]/.test(short) || orgs.find(short)) continue;
        const at =
          sentence.span[0] +
          m.index +
          (slot === ACRONYM_AFTER_TITLE ? m[0].length - short.length : m[0].indexOf(short));
        if (orgs.mentionAt(at)) continue;
        const org = orgs.add(short, [at, at + short.length], short, 0.7);
        org.kind =
          /\b(?:both|two)\s+universities\b/i.test(text) ||
          (byHost.length && /\.(?:edu|ac)\./.test(sourceUrl ?? ''))
            ? 'university'
            : 'other';
        orgs.mention(org, [at, at + short.length], 'name');
      }
    }
  }
  // A party named without a word such as University (Alibaba): beside a known body, as the
  // other subject of a signing or its partner (signed … with X).
  const escapeName = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const knownNames = () =>
    orgs.all
      .flatMap((o) => [o.name, ...o.aliases])
      .sort((a, b) => b.length - a.length)
      .map(escapeName)
      .join('|');
  const RUN = "([A-Z][A-Za-z&'-]+(?:\\s+[A-Z][A-Za-z&'-]+){0,4})";
  for (const sentence of sentences) {
    const part = text.slice(...sentence.span);
    const known = knownNames();
    if (!known || !new RegExp(`\\b${SIGN_VERB}\\b`).test(part)) continue;
    const partners = [
      new RegExp(
        `\\b(?:${known})(?:\\s*\\([^)]*\\))?\\s+and\\s+(?:the\\s+)?${RUN}\\s+(?:have\\s+|has\\s+)?${SIGN_VERB}\\b`,
      ),
      new RegExp(`\\b${SIGN_VERB}\\b[^.]*?\\bwith\\s+(?:the\\s+)?${RUN}`),
    ];
    for (const pattern of partners) {
      const m = pattern.exec(part);
      const name = m?.[1];
      if (!m || !name || orgs.find(name) || /^(The|A|An|On|In)$/.test(name)) continue;
      const at = sentence.span[0] + m.index + m[0].lastIndexOf(name);
      if (orgs.mentionAt(at)) continue;
      const org = orgs.add(name, [at, at + name.length], name, 0.75);
      org.kind = kindOfEnglish(name);
      orgs.mention(org, [at, at + name.length], 'name');
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
  attachUnits(orgs, text);

  // People: "Name, Title of Organisation".
  const people = new People();
  const inSentence = new Map<number, { person: Person; org?: Organisation; span: Span }[]>();
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    const found: { person: Person; org?: Organisation; span: Span }[] = [];
    for (const m of part.matchAll(APPOSITIVE)) {
      const nameAt = sentence.span[0] + m.index + m[0].indexOf(m[1] as string);
      const name = m[1] as string;
      if (NOT_A_NAME.test(name)) continue;
      if (orgs.mentionsIn([nameAt, nameAt + name.length]).length) continue;
      // The body is the first one named after the title's "of"/"at", or after a comma.
      const titleAt = sentence.span[0] + m.index + m[0].length;
      const run = m[2] as string;
      let titleText = run;
      let org: Organisation | undefined;
      const near = orgs.mentions.filter(
        (x) => x.span[0] >= titleAt && x.span[0] <= titleAt + run.length + 6,
      );
      for (const x of near) {
        const gap = /^(.*?)(?:\s+(?:of|at)\s+(?:the\s+)?|,\s+(?:the\s+)?)$/.exec(
          text.slice(titleAt, x.span[0]),
        );
        if (gap?.[1] && /^[A-Z]/.test(gap[1]) && !/,/.test(gap[1])) {
          titleText = gap[1];
          org = x.org;
          break;
        }
      }
      if (!org) {
        // "Name, Title of Body" with a body the rules do not know; "Name, Title" with none.
        const of = /\s+(?:of|at)\s+/.exec(run);
        if (of) titleText = run.slice(0, of.index);
        else {
          const alone = TITLE_ALONE.exec(run);
          if (!alone || NOT_A_NAME.test(run)) continue;
          const charge = /^(?:\s+i\/c|\s*\(i\/c\)|\s+[Ii]n-charge)/.exec(
            run.slice(alone[0].length),
          );
          titleText = alone[0] + (charge?.[0] ?? '');
        }
      }
      const person = people.add(name, name, [nameAt, nameAt + name.length], 0.85);
      const phrase: Span = [sentence.span[0] + m.index, titleAt + titleText.length];
      people.mention(person, [nameAt, nameAt + name.length], index, phrase);
      if (org) {
        for (const title of titlesOf(titleText))
          people.role({
            person,
            organisation: org,
            title,
            rank: 0,
            span: phrase,
            confidence: 0.85,
          });
      } else {
        unplaced.push({
          kind: 'role',
          text: `${name}, ${titleText}`,
          span: phrase,
          ...(/\s(of|at)\s/.test(run)
            ? {
                reason: 'role-body-unknown',
                detail: 'a title at a body the rules did not recognise',
              }
            : {
                reason: 'role-body-ambiguous',
                detail: 'a title the text ties to no body it names',
              }),
        });
      }
      found.push({ person, ...(org ? { org } : {}), span: [nameAt, nameAt + name.length] });
    }
    // Other ways of giving a title: ORG Title Name, Name (Title, ORG), Name, ORG's title.
    const known = knownNames();
    const forms: [RegExp, (m: RegExpExecArray) => [string, string, string] | undefined][] = [
      [
        new RegExp(`\\b(${known})(?:'s)?\\s+${TITLE_BEFORE}\\s*,?\\s+${HONOUR}(${NAME})`, 'g'),
        (m) => [m[3] as string, m[2] as string, m[1] as string],
      ],
      [
        new RegExp(`${HONOUR}(${NAME})\\s*\\(([^()]+),\\s*([^(),]+)\\)`, 'g'),
        (m) => [m[1] as string, (m[2] as string).trim(), (m[3] as string).trim()],
      ],
      [
        new RegExp(
          `${HONOUR}(${NAME}),\\s+(${known})'s\\s+([a-z][a-z -]+?)(?=,|\\.|\\s+(?:said|pointed|gave|shared|added))`,
          'g',
        ),
        (m) => [m[1] as string, m[3] as string, m[2] as string],
      ],
    ];
    for (const [pattern, read] of known ? forms : []) {
      for (const m of part.matchAll(pattern)) {
        const [name, titleText, orgName] = read(m) ?? [];
        const org = orgName ? orgs.find(orgName) : undefined;
        if (!name || !titleText || !org || NOT_A_NAME.test(name)) continue;
        const nameAt = sentence.span[0] + m.index + m[0].indexOf(name);
        const span: Span = [nameAt, nameAt + name.length];
        const person = people.add(name, name, span, 0.8);
        const phrase: Span = [sentence.span[0] + m.index, sentence.span[0] + m.index + m[0].length];
        people.mention(person, span, index, phrase);
        const held = people.roles.some((r) => r.person === person && r.organisation === org);
        if (!held)
          people.role({
            person,
            organisation: org,
            title: titleText,
            rank: 0,
            span: phrase,
            confidence: 0.8,
          });
        found.push({ person, org, span });
      }
    }
    inSentence.set(index, found);
  });
  // Names met again: "said Ingrid Halvorsen", "Professor Whitfield", and a family name alone
  // as a clause's subject ("Chen met with …", "Berg said …"): the first word of a name in
  // Chinese order, the last in Western order, when no one else named bears it.
  const familyNames = new Map<string, number>();
  for (const person of people.all)
    for (const f of new Set([person.name.split(' ')[0], person.name.split(' ').at(-1)]))
      if (f) familyNames.set(f, (familyNames.get(f) ?? 0) + 1);
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    for (const person of people.all) {
      const words = person.name.split(' ');
      const surname = words.at(-1) as string;
      const first = words.length > 1 ? words[0] : undefined;
      for (const form of new Set([person.name, surname, first])) {
        if (!form) continue;
        let from = 0;
        for (;;) {
          const k = part.indexOf(form, from);
          if (k === -1) break;
          from = k + form.length;
          const at = sentence.span[0] + k;
          if (people.mentions.some((m) => m.span[0] <= at && m.span[1] > at)) continue;
          if (form !== person.name) {
            const titled =
              form === surname &&
              /(Professor|Prof\.|Dr\.|Mr\.|Ms\.|Mrs\.)\s+$/.test(part.slice(0, k));
            const subject =
              familyNames.get(form) === 1 &&
              /^[A-Z][a-z]+$/.test(form) &&
              /(?:^|, )$/.test(part.slice(0, k)) &&
              SUBJECT_VERB.test(part.slice(k + form.length));
            if (!titled && !subject) continue;
          }
          people.mention(person, [at, at + form.length], index);
        }
      }
    }
  });
  people.mentions.sort((a, b) => a.span[0] - b.span[0]);

  // Agreements.
  const agreements: Agreement[] = [];
  const leadDate = dates[0]?.date;
  const longForm = /Memorand(?:um|ums|a)[- ]of[- ]Understanding/i.test(text);
  sentences.forEach((sentence, index) => {
    const part = text.slice(...sentence.span);
    for (const m of part.matchAll(AGREEMENT)) {
      if (/\bwas signed|were signed/.test(part.slice(0, m.index + 12))) continue;
      if (/^\s+between\b/.test(part.slice(m.index + m[0].length))) continue;
      // A new university-wide student exchange agreement is the Student Exchange Agreement.
      let name = (m[2] as string)
        .trim()
        .replace(/Memorandum-of-Understanding/i, 'Memorandum of Understanding')
        .replace(/^(?:new\s+|[a-z]+-[a-z]+\s+)+/, '');
      // Memorandums of Understanding (MoUs), however many: one MoU, the plural its other title.
      const written = name;
      // …(MoUs): the short form the text gives in brackets.
      const short = /^\s*\((MoUs?|MOUs?)\)/.exec(part.slice(m.index + m[0].length))?.slice(1) ?? [];
      if (/^Memorand(?:ums|a) of Understanding$/.test(name)) name = 'Memorandum of Understanding';
      if (/^(?:MoUs|MOUs)$/.test(name)) name = longForm ? 'Memorandum of Understanding' : 'MoU';
      if (/^(MoU|MOU)$/.test(name) && longForm) name = 'Memorandum of Understanding';
      name = name.replace(/^(a|an|the)\s+/i, '');
      if (/^(Agreement|agreement)$/.test(name)) name = 'Agreement';
      // signed the agreement, renewed the MoU: one already reported.
      const determiner = (m[1] ?? '').trim().toLowerCase();
      if (
        determiner === 'the' &&
        agreements.some(
          (a) =>
            a.key === name.toLowerCase() || name === 'Agreement' || a.kind === agreementKind(name),
        )
      )
        continue;
      const at = sentence.span[0] + m.index;
      const before = orgs.mentionsIn([sentence.span[0], at]);
      // …has signed a MoU with the Universiti…: the partners listed after "with".
      const partner = /\bwith\s+(?:the\s+)?/.exec(part.slice(m.index + m[0].length));
      const after = partner
        ? listedFrom(orgs, text, at + m[0].length + partner.index + partner[0].length)
        : [];
      // …signed MoUs with several faculties … at the University of Z (ZU): the units a
      // later sentence lists ("The cooperation involves ZU's Department of …, …").
      const several = UNITS_AT.exec(part.slice(m.index + m[0].length));
      const of = several
        ? orgs.mentionAt(at + m[0].length + several.index + several[0].length)?.org
        : undefined;
      const units =
        after.length === 0 && of ? unitsInvolved(orgs, text, sentences.slice(index + 1), of) : [];
      const parties = partiesOf([...before, ...after]);
      const date =
        dates.find((d) => d.span[0] >= sentence.span[0] && d.span[1] <= sentence.span[1])?.date ??
        leadDate;
      const aliases = written !== name ? { aliases: [...new Set([written, ...short])] } : {};
      const key = name.toLowerCase();
      if (of && units.length && parties.length === 1) {
        // MoUs with several units of ZU: one MoU with each, told once for all; the headline's
        // "X signs MoUs with ZU" is these, not one with ZU.
        const told = agreements.findIndex((a) => a.key === key && a.parties.includes(of));
        if (told !== -1) agreements.splice(told, 1);
        for (const unit of units)
          agreements.push({
            ...stated(
              name,
              `${key}|${unit.name.toLowerCase()}`,
              [...parties, unit],
              sentence.span,
              date,
              0.75,
            ),
            ...aliases,
          });
        continue;
      }
      if (parties.length < 2) {
        if (agreements.length === 0)
          unplaced.push({
            kind: 'agreement',
            text: name,
            span: sentence.span,
            reason: 'agreement-parties-unnamed',
            detail: 'an agreement whose parties the text does not name',
          });
        continue;
      }
      if (agreements.some((a) => a.key === key)) continue;
      agreements.push({ ...stated(name, key, parties, sentence.span, date, 0.85), ...aliases });
    }
  });
  // "An MoU was signed between X and Y": the parties after "between".
  sentences.forEach((sentence) => {
    const part = text.slice(...sentence.span);
    const m = PASSIVE.exec(part);
    if (!m) return;
    let name = (m[1] as string).replace(
      /Memorandum-of-Understanding/i,
      'Memorandum of Understanding',
    );
    if (/^(MoU|MOU)$/.test(name) && longForm) name = 'Memorandum of Understanding';
    if (/^memorandum of understanding$/i.test(name)) name = 'Memorandum of Understanding';
    if (/^agreement$/i.test(name)) name = 'Agreement';
    const from = sentence.span[0] + m.index + m[0].length;
    const parties = partiesOf(listedFrom(orgs, text, from));
    const key = name.toLowerCase();
    if (parties.length < 2 || agreements.some((a) => a.key === key)) return;
    const date =
      dates.find((d) => d.span[0] >= sentence.span[0] && d.span[1] <= sentence.span[1])?.date ??
      leadDate;
    agreements.push(stated(name, key, parties, sentence.span, date, 0.85));
  });
  agreements.splice(0, agreements.length, ...mergeHeadline(agreements, article.title));
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
  /** The agreement "signed the MoU" (or the agreement) refers to. */
  const signedTarget = (object: string) =>
    agreements.find((a) => object.toLowerCase().includes(a.key)) ??
    (/\b(MoU|MOU|Memorandum)\b/.test(object)
      ? agreements.find((a) => a.kind === 'memorandum-of-understanding')
      : /\bagreement\b/i.test(object)
        ? agreements[0]
        : undefined);
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
    // Signed by A and B, in the presence of C: A and B sign, C witnesses.
    const witnessed = /\b(?:in (?:the )?presence of|witnessed by)\b/.exec(part);
    const signers = after(SIGNED_BY).filter(
      (x) => !witnessed || x.span[0] < sentence.span[0] + witnessed.index,
    );
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
            reason: 'signatory-side-unclear',
            detail: 'signed, for a party the text does not make clear',
          });
        }
        attend(s.person);
      }
    }
    // A, Title of X, and B, Title of Y, signed the agreement: each for the party of their title.
    const verb = SIGNS.exec(part);
    if (verb && signers.length === 0) {
      const target = signedTarget(part.slice(verb.index));
      const subjects = people.mentionsIn([sentence.span[0], sentence.span[0] + verb.index]);
      for (const s of target ? subjects : []) {
        const held = people.organisationsOf(s.person).filter((o) => target?.parties.includes(o));
        const org = held.length === 1 ? held[0] : undefined;
        if (target && org) {
          if (!target.signatories.some((x) => x.person === s.person))
            target.signatories.push({
              person: s.person,
              onBehalfOf: org,
              span: sentence.span,
              confidence: 0.8,
            });
        } else {
          unplaced.push({
            kind: 'signatory',
            text: s.person.name,
            span: sentence.span,
            reason: 'signatory-side-unclear',
            detail: 'signed, for a party the text does not make clear',
          });
        }
      }
    }
    const witnessFor =
      signers.length > 0 ? agreement : verb ? signedTarget(part.slice(verb.index)) : undefined;
    if (witnessFor) {
      for (const w of after(/\bin (?:the )?presence of\b/)) {
        if (!witnessFor.witnesses.includes(w.person)) witnessFor.witnesses.push(w.person);
      }
    }
    if (PRESENT.test(part)) for (const p of people.mentionsIn(sentence.span)) attend(p.person);
    // "They jointly witnessed the signing": those named in the sentence before.
    if (agreement && /^(?:They|Both|The two)\s+(?:\w+ly\s+)?witnessed\b/.test(part)) {
      const before = sentences[index - 1];
      // "the signing of the MoUs": of each of them.
      const signed = /\b(?:MoUs|MOUs|Memorand(?:ums|a)|agreements)\b/.test(part)
        ? agreements
        : [agreement];
      for (const w of before ? people.mentionsIn(before.span) : []) {
        for (const a of signed) if (!a.witnesses.includes(w.person)) a.witnesses.push(w.person);
        attend(w.person);
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
