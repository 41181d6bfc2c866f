/**
 * Agreements and who signed them. A signing verb (签署, 签订, 签约) names the agreement after it
 * (签订战略合作协议, 签署《战略合作框架协议》) or before it (…全面战略合作协议签约仪式), and the
 * parties before it, joined by 、与和及 (A、B、C签订…). 双方 and 三方 are the parties last named.
 * Signatories only where the text says who signed for whom:
 *
 *   X代表Y与Z签署…            X for Y
 *   X与Y分别代表A和B签署…      X for A, Y for B (in order)
 *   X与Y代表双方签署…          each for the party at which the text gives them a title
 *   …由X与Y代表双方签署        the same, written passively
 *
 * 三方代表签订… and 北工大、北控集团代表签订… name parties and nobody who signed for them.
 * Witnesses: 在X、Y的见证下, X、Y共同见证, X到场见证.
 */
import { foldText, type Span } from './article.ts';
import type { DateMention } from './dates.ts';
import { AGREEMENT_TITLE_END } from './lexicon.ts';
import type { People, Person, PersonMention } from './officials.ts';
import {
  abbreviates,
  type Organisation,
  type Organisations,
  type OrgMention,
  wordsOf,
} from './organisations.ts';
import { tagWords } from './segmenter.ts';
import type { Sentence } from './sentences.ts';
import type { Unplaced } from './unplaced.ts';

export type AgreementKind =
  | 'strategic-cooperation-agreement'
  | 'cooperation-agreement'
  | 'contract'
  | 'memorandum-of-understanding'
  | 'framework-agreement'
  | 'letter-of-intent'
  | 'other';

export interface Signatory {
  person: Person;
  onBehalfOf: Organisation;
  span: Span;
  confidence: number;
}

export interface Agreement {
  /** The title as written, without 《》. */
  title: string;
  key: string;
  kind: AgreementKind;
  parties: Organisation[];
  signatories: Signatory[];
  witnesses: Person[];
  signedOn?: string;
  /** The clause that states the signing. */
  span: Span;
  /** Every sentence that mentions it. */
  mentions: Span[];
  confidence: number;
  /** Other titles the text gives it (the headline's, when the body names it otherwise). */
  aliases?: string[];
}

export type { Unplaced };

/** The kind of agreement a title names. */
export function agreementKind(title: string): AgreementKind {
  if (/备忘录|memorandum|\bmou\b/i.test(title)) return 'memorandum-of-understanding';
  if (/意向书|letter of intent/i.test(title)) return 'letter-of-intent';
  if (/框架/.test(title) || /framework/i.test(title)) return 'framework-agreement';
  if (/合同|contract/i.test(title)) return 'contract';
  if (/战略合作|strategic/i.test(title)) return 'strategic-cooperation-agreement';
  if (/合作|cooperation|collaboration/i.test(title)) return 'cooperation-agreement';
  // 研究生联合培养协议, Student Exchange Agreement: a joint or exchange programme is cooperation.
  if (/联合|聯合|共建|交流|\bjoint\b|\bexchange\b/i.test(title)) return 'cooperation-agreement';
  return 'other';
}

/** An agreement as a sentence states it, before its signatories and witnesses are read. */
export function newAgreement(
  fields: Pick<
    Agreement,
    'title' | 'key' | 'kind' | 'parties' | 'span' | 'mentions' | 'confidence'
  > & {
    signedOn?: string | undefined;
  },
): Agreement {
  const { signedOn, ...rest } = fields;
  return { ...rest, signatories: [], witnesses: [], ...(signedOn ? { signedOn } : {}) };
}

/** Kinds that say more of a cooperation than another: a strategic one is still a cooperation. */
const COOPERATION_LADDER: AgreementKind[] = [
  'other',
  'cooperation-agreement',
  'strategic-cooperation-agreement',
];

const SIGN = /签署|签订|签约|签定|签字/g;
const CEREMONY = /^(仪式|活动|典礼|大会|现场|会)/;
/** 双方, 校所双方, 区校企三方, 各方: the parties, not one of them. */
const MANY = /^(\p{Script=Han}{0,3}(双方|三方|四方|多方|各方)|两校)/u;
/** What may stand between parties: 、与和及, 还与 (我所还与X签署), 以及. */
const SEPARATOR = /^[、与和及同,\s]*$|^(以及)$|^(还|也|又|并|正式|共同)[与和同]$/;

/** The title that follows a signing verb at `at`: 了?《?…协议》?. */
function titleAfter(view: string, at: number, end: number): Span | undefined {
  let i = at;
  if (view[i] === '了') i++;
  if (view[i] === '《') {
    const close = view.indexOf('》', i);
    return close !== -1 && close < end + 1 ? [i + 1, close] : undefined;
  }
  const rest = view.slice(i, Math.min(end, i + 30));
  const m = AGREEMENT_TITLE_END.exec(rest);
  if (!m) return undefined;
  const title = rest.slice(0, m.index + m[0].length);
  // “南粤文物特展”展览协议: a quoted name inside the title is the title's.
  if (/[,、。;()“”]/.test(title.replace(/“[^“”,。;]+”/g, ''))) return undefined;
  return [i, i + title.length];
}

/**
 * A run of quoted titles counted by the kind after it: 签订了“A工作协议”“B协议”“C基金”3个合作协议.
 * Each quoted title is an agreement of the count's kind (a fund too: the count and the kind say
 * so, whatever its own title says); none unless the count equals the titles quoted.
 */
function quotedRun(
  view: string,
  at: number,
  end: number,
): { titles: Span[]; kind?: AgreementKind } {
  const none = { titles: [] };
  let i = view[at] === '了' ? at + 1 : at;
  const out: Span[] = [];
  while (view[i] === '“') {
    const close = view.indexOf('”', i);
    if (close === -1 || close > end || close - i < 3) return none;
    out.push([i + 1, close]);
    i = close + 1;
    if (view[i] === '、') i++;
  }
  if (out.length < 2) return none;
  const counted = new RegExp(
    `^(?:等)?(\\d+|[两二三四五六七八九十])(?:个|份|项)(\\p{Script=Han}{0,8}?(?:${AGREEMENT_TITLE_END.source}))`,
    'u',
  ).exec(view.slice(i, end));
  const count = counted?.[1] as string | undefined;
  if (!count) return none;
  const n = /^\d+$/.test(count)
    ? Number(count)
    : '一二三四五六七八九十'.indexOf(count.replace('两', '二')) + 1;
  return n === out.length ? { titles: out, kind: agreementKind(counted?.[2] as string) } : none;
}

/** The words that join two titles of one signing: 《A》及《B》, A协议和B协议, A协议、B协议. */
const JOIN = /^》?\s*(以及|及|和|与|、|(?=《))\s*/;
const TITLE_END = new RegExp(`(?:${AGREEMENT_TITLE_END.source})$`);

/**
 * The titles a compound names (A协议及B协议): each an agreement of its own. Titles written
 * after the verb are read one after another across 及/和/与/、; a title read back from a
 * ceremony is split where a part before such a word ends as a title does.
 */
function compoundTitles(view: string, first: Span, end: number, after: boolean): Span[] {
  const out: Span[] = [];
  if (after) {
    out.push(first);
    for (;;) {
      const last = out.at(-1) as Span;
      const join = JOIN.exec(view.slice(last[1], end));
      if (!join) break;
      const next = titleAfter(view, last[1] + join[0].length, end);
      // 签订T1、与C签订T2: a title with a verb of its own is a signing of its own.
      if (!next || next[0] <= last[1] || /签订|签署|签约|签字/.test(view.slice(...next))) break;
      out.push(next);
    }
    return out;
  }
  let start = first[0];
  for (const m of view.slice(first[0], first[1]).matchAll(/(以及|及|和|与|、)/g)) {
    const at = first[0] + m.index;
    const left = view.slice(start, at).replace(/》$/, '');
    if (TITLE_END.test(left) && left.length >= 2 && TITLE_END.test(view.slice(at, first[1]))) {
      out.push([start, start + left.length]);
      start = at + m[0].length + (view[at + m[0].length] === '《' ? 1 : 0);
    }
  }
  out.push([start, first[1]]);
  return out;
}

/** The title written just before `at` (…全面战略合作协议签约仪式), read back to its first word. */
function titleBefore(
  view: string,
  at: number,
  from: number,
  orgs: Organisations,
): Span | undefined {
  const before = view.slice(from, at);
  const m = /(框架协议|合作协议书|协议书|协议|合同书|合同|备忘录|意向书|协定)$/.exec(before);
  if (!m) return undefined;
  // The title begins after the last party named before it.
  const last = orgs.mentionsIn([from, at]).at(-1);
  let start = last ? last.span[1] : from;
  // 於該校國際會議廳舉行產學合作協議: the title begins after the verb or preposition before it.
  const words = wordsOf(view, [start, at]);
  const cut = words
    .filter(
      (w) =>
        /^(p|v|d|c)$/.test(w.tag) &&
        /^(举行|举办|召开|开展|于|在|假|并|与|和)$/.test(w.word) &&
        // A协议和B协议签约仪式: 和 joins two titles, it does not begin one.
        !(
          /^(与|和)$/.test(w.word) && TITLE_END.test(view.slice(start, w.start).replace(/》$/, ''))
        ),
    )
    .at(-1);
  if (cut) start = cut.start + cut.word.length;
  start = afterFunctionWords(view, start, at);
  // …有限公司(以下简称“南山控股”)战略合作协议: the note in brackets is not the title's.
  while (start < at && /[、与和及\s》”)]/.test(view[start] as string)) start++;
  if (view[start] === '《') start++;
  let end = at;
  if (view[end - 1] === '》') end--;
  return end - start >= 2 && end - start <= 30 ? [start, end] : undefined;
}

/** Unnamed office-holders signing with others: 负责人分别与…负责人, 代表分别与…代表. */
const UNNAMED_SIDES = /(负责人|负责同志|代表)(们)?分别(与|和|同).{0,30}(负责人|负责同志|代表)$/;

/** Where a title begins past the prepositions and conjunctions before it (随着合作协议 is 合作协议). */
function afterFunctionWords(view: string, start: number, end: number): number {
  for (const w of wordsOf(view, [start, end])) {
    if (!/^(p|c)$/.test(w.tag)) break;
    start = w.start + w.word.length;
  }
  return start;
}

/** Strips 三方 or 双方 from the front of a title: 三方战略合作协议 is the 战略合作协议. */
function titleKey(view: string, [s, e]: Span): string {
  return view.slice(s, e).replace(/^(双方|三方|四方|多方|各方)/, '');
}

/** The run of parties written in `span`, ending nearest its end: A、B与C. */
function partyRun(view: string, orgs: Organisations, [start, end]: Span): Organisation[] {
  // Names in brackets ((下称“前海创投”)) are notes on the name before them, not parties.
  const mentions = orgs.mentionsIn([start, end]).filter((m) => !inBrackets(view, m.span[0], start));
  if (mentions.length === 0) return [];
  const run = [mentions.at(-1) as (typeof mentions)[number]];
  for (let k = mentions.length - 2; k >= 0; k--) {
    const m = mentions[k] as (typeof mentions)[number];
    const next = run[0] as (typeof mentions)[number];
    let gap = view.slice(m.span[1], next.span[0]);
    gap = gap.replace(/\([^)]*\)/g, '');
    // 成大和马来西亚的国立马来亚大学: a place before the next party qualifies it.
    const place = /^[与和及、](\p{Script=Han}{2,5})的$/u.exec(gap)?.[1];
    if (place && tagWords(place).every((w) => w.tag === 'ns')) gap = '和';
    if (!SEPARATOR.test(gap)) break;
    run.unshift(m);
  }
  const parties: Organisation[] = [];
  for (const m of run) if (!parties.includes(m.org)) parties.push(m.org);
  return parties;
}

/** The run of parties that begins right at `start` (after 代表), and where it ends. */
function leadingRun(
  view: string,
  orgs: Organisations,
  [start, end]: Span,
): { parties: Organisation[]; end: number } {
  const parties: Organisation[] = [];
  let at = start;
  for (const m of orgs.mentionsIn([start, end])) {
    if (inBrackets(view, m.span[0], start)) continue;
    const gap = view.slice(at, m.span[0]).replace(/\([^)]*\)/g, '');
    if (parties.length === 0 ? gap.trim() !== '' : !SEPARATOR.test(gap)) break;
    if (!parties.includes(m.org)) parties.push(m.org);
    at = m.span[1];
  }
  return { parties, end: at };
}

function inBrackets(view: string, at: number, from: number): boolean {
  const open = view.lastIndexOf('(', at);
  return open >= from && view.lastIndexOf(')', at) < open;
}

export interface AgreementFindings {
  agreements: Agreement[];
  /** Parties named at a signing that gave no agreement's title (东海大学与…签约仪式). */
  signingParties: Organisation[];
  unplaced: Unplaced[];
}

export function findAgreements(
  text: string,
  view: string,
  sentences: Sentence[],
  orgs: Organisations,
  people: People,
  dates: DateMention[],
): AgreementFindings {
  const agreements: Agreement[] = [];
  const unplaced: Unplaced[] = [];
  /** Agreements signed severally whose pairs the clause does not make clear. */
  const pairsUnclear = (written: string, clause: Span, how: string) =>
    unplaced.push({
      kind: 'agreement',
      text: written,
      span: clause,
      reason: 'agreement-pairs-unclear',
      detail: `signed severally (${how}): which parties signed which agreement is not clear`,
    });
  let signingParties: Organisation[] = [];
  /** Agreements told as one compound title, each with the others signed with it. */
  const together = new Map<Agreement, Agreement[]>();
  /** Titles of a counted run (“A”“B”3个合作协议), each of the count's kind. */
  const countedKinds = new Map<string, AgreementKind>();
  /** Signings between named bodies with no title (X与Y签约), drafted unless an agreement covers them. */
  const bareSignings: {
    parties: Organisation[];
    clause: Span;
    sentence: Sentence;
    signedOn?: string;
  }[] = [];
  /** Kinds a later 此次…协议的签署 gives the signing already reported. */
  const laterKinds: AgreementKind[] = [];
  const leadDate = dates.find((d) =>
    sentences.some((s) => s.paragraph >= 0 && s.span[0] <= d.span[0] && d.span[1] <= s.span[1]),
  );

  const dateAt = (at: number, sentence: Sentence): string | undefined => {
    if (sentence.paragraph < 0) return undefined;
    const before = dates.filter((d) => d.span[0] < at && d.span[0] >= 0);
    return (before.at(-1) ?? leadDate)?.date;
  };

  const upsert = (
    titleSpan: Span | undefined,
    parties: Organisation[],
    clause: Span,
    sentence: Sentence,
    inferred = false,
    /** Words the title lacks in the text (战略合作 of a 战略合作签约仪式 is a 战略合作协议). */
    ending = '',
  ): Agreement | undefined => {
    // 区校企三方签署战略合作协议是…: parties read from context do not make a new agreement.
    if (inferred && titleSpan) {
      const same = agreements.find((a) => a.key === titleKey(view, titleSpan));
      if (same) {
        same.mentions.push(sentence.span);
        return same;
      }
    }
    const bare = titleSpan ? titleKey(view, titleSpan) + ending : '';
    const generic =
      !titleSpan ||
      /^(协议|合同|合作协议)$/.test(bare) ||
      (/^(意向书|备忘录|协议书|合同书|框架协议)$/.test(bare) &&
        agreements.some((a) => a.key.endsWith(bare)));
    if (generic && agreements.length > 0) {
      const last = (agreements.filter((a) => !bare || a.key.endsWith(bare)).at(-1) ??
        agreements.at(-1)) as Agreement;
      if (parties.length < 2 || sameParties(last.parties, parties)) return last;
    }
    if (!titleSpan) return undefined;
    const key = bare;
    const existing = agreements.find(
      (a) =>
        a.key === key &&
        (parties.length < 2 || a.parties.length < 2 || sameParties(a.parties, parties)),
    );
    if (existing) {
      if (existing.parties.length < 2 && parties.length >= 2) existing.parties = parties;
      // The body's words are better evidence than the headline's.
      if (
        sentences.find((s) => s.span[0] <= existing.span[0] && existing.span[1] <= s.span[1])
          ?.paragraph === -1 &&
        sentence.paragraph >= 0
      )
        existing.span = clause;
      existing.signedOn ??= dateAt(clause[0], sentence);
      existing.mentions.push(sentence.span);
      return existing;
    }
    const written =
      text
        .slice(...titleSpan)
        .replace(/^(双方|三方|四方|多方|各方|雙方)/, '')
        .replace(/[“”]/g, '') + ending;
    const agreement = newAgreement({
      title: written,
      key,
      kind: agreementKind(key),
      parties,
      span: clause,
      mentions: [sentence.span],
      confidence: parties.length >= 2 ? 0.9 : 0.6,
      signedOn: dateAt(clause[0], sentence),
    });
    agreements.push(agreement);
    return agreement;
  };

  /** The subject the sentence before opened with, for one that goes on with 与… (after ;). */
  let opened: { org: Organisation; paragraph: number } | undefined;
  for (const sentence of sentences) {
    const inSentence: Agreement[] = [];
    const [sStart, sEnd] = sentence.span;
    const openedWith =
      opened?.paragraph === sentence.paragraph && /^[与和同]/.test(view.slice(sStart, sStart + 1))
        ? opened.org
        : undefined;
    const own = subjectAt(text, view, orgs, sStart);
    if (own) opened = { org: own, paragraph: sentence.paragraph };
    else if (!openedWith) opened = undefined;
    for (const clause of sentence.clauses) {
      const [cStart, cEnd] = clause;
      const part = view.slice(cStart, cEnd);
      for (const verb of part.matchAll(SIGN)) {
        const at = cStart + verb.index;
        const after = at + verb[0].length;
        // 此次战略合作协议的签署 / 以本次签署…为新的起点: a signing already reported.
        if (/(此次|本次|这次)$/.test(view.slice(Math.max(cStart, at - 3), at))) continue;
        if (view.slice(at - 1, at) === '的') {
          // 医联体战略合作协议的签订, after a ceremony of two parties that gave no title.
          const title =
            /(?<=^|[,。;、“”()对为就把与和])([^\s,。;、“”()对为就把与和]{2,20}?(?:协议|合同|备忘录))的$/.exec(
              view.slice(cStart, at),
            );
          // 此次战略合作协议的签署: this signing, of the kind it names.
          const thisOne = /^(此次|本次|这次)/.exec(title?.[1] ?? '');
          if (thisOne) laterKinds.push(agreementKind(title?.[1] as string));
          if (title && signingParties.length >= 2 && agreements.length === 0) {
            const s = afterFunctionWords(
              view,
              at - 1 - (title[1] as string).length + (thisOne?.[0].length ?? 0),
              at - 1,
            );
            if (at - 1 - s >= 2) upsert([s, at - 1], signingParties, clause, sentence);
          }
          continue;
        }
        if (view[after] === '的') continue;
        const ceremony = CEREMONY.test(view.slice(after));
        const told = ceremony ? undefined : toldBefore(view, orgs, [cStart, at]);
        const whole = ceremony
          ? titleBefore(view, at, cStart, orgs)
          : (titleAfter(view, after, cEnd) ??
            (view.slice(cStart, at).match(/由/) ? passiveTitle(view, cStart, at) : told?.title));
        const quoted = ceremony ? { titles: [] } : quotedRun(view, after, cEnd);
        if (quoted.kind)
          for (const t of quoted.titles) countedKinds.set(titleKey(view, t), quoted.kind);
        const titles =
          quoted.titles.length > 0
            ? quoted.titles
            : whole
              ? compoundTitles(view, whole, ceremony ? at : cEnd, !ceremony && view[after] !== '由')
              : [];
        // A与B,C与D分别签订了T1和T2: a pair of parties for each title, in order.
        if (titles.length >= 2 && /分别$/.test(view.slice(cStart, at))) {
          const pairs = pairsBefore(view, orgs, [sStart, at - 2]);
          if (pairs.length === titles.length) {
            titles.forEach((t, k) => {
              const a = upsert(t, pairs[k] as Organisation[], clause, sentence);
              if (a && !inSentence.includes(a)) inSentence.push(a);
            });
          } else {
            pairsUnclear(text.slice(cStart, cEnd), clause, '…分别签订');
          }
          continue;
        }
        // 签订了A与B战略合作协议、A与C对口支援协议: each title opens with its own pair of
        // parties; the agreement is named by what follows them.
        const paired = titles.map((t) => leadingRun(view, orgs, t));
        if (
          !ceremony &&
          titles.length > 0 &&
          paired.every((p, k) => p.parties.length >= 2 && (titles[k] as Span)[1] - p.end >= 2)
        ) {
          titles.forEach((t, k) => {
            const { parties, end } = paired[k] as (typeof paired)[number];
            const from = afterFunctionWords(view, end, t[1]);
            const a = upsert([from, t[1]], parties, clause, sentence);
            if (a && !inSentence.includes(a)) inSentence.push(a);
          });
          continue;
        }
        const title = titles[0];
        // X代表县人民政府分别与企业代表签订合作协议: one agreement with each company the page calls a
        // signing one (签约企业代表A公司总经理Y), X for the government in each; none it does not name.
        const unnamedSides = UNNAMED_PARTNERS.exec(view.slice(cStart, at));
        if (unnamedSides && title && titles.length === 1) {
          const sideAt = cStart + unnamedSides.index + 2;
          const side = leadingRun(view, orgs, [
            sideAt,
            sideAt + (unnamedSides[1] as string).length,
          ]);
          const signer = people.mentionsIn([cStart, sideAt - 2]);
          const partners = signingCompanies(view, orgs).filter((o) => !side.parties.includes(o));
          if (
            side.parties.length === 1 &&
            side.end === sideAt + (unnamedSides[1] as string).length &&
            signer.length === 1 &&
            partners.length > 0
          ) {
            const body = side.parties[0] as Organisation;
            const person = (signer[0] as PersonMention).person;
            for (const partner of partners) {
              const a = upsert(title, [body, partner], clause, sentence);
              if (!a) continue;
              if (!inSentence.includes(a)) inSentence.push(a);
              if (!a.signatories.some((x) => x.person === person))
                a.signatories.push({ person, onBehalfOf: body, span: clause, confidence: 0.8 });
            }
            continue;
          }
        }
        // Who represents whom: the words around 代表 before the verb.
        const represent = representAt(view, cStart, at);
        const hasRepresent = represent >= cStart && represent < at;
        const byWhom = view.lastIndexOf('由', hasRepresent ? represent : at);
        // A董事长X,B总经理Y出席…并代表各方签署: the signers listed across commas before.
        const signersFrom =
          byWhom >= cStart
            ? byWhom + 1
            : hasRepresent && MANY.test(view.slice(represent + 2, at))
              ? listStart(view, people, sentence, clause)
              : cStart;
        // …由X与Y签署 without 代表: X and Y sign, each for the party they hold a title at.
        const signers = hasRepresent
          ? people.mentionsIn([signersFrom, represent]).map((m) => m.person)
          : byWhom >= cStart
            ? people.mentionsIn([byWhom + 1, at]).map((m) => m.person)
            : [];
        // X分别与A、B签署T1和T2: one agreement per partner, X a party of each, in order.
        const severally =
          hasRepresent || UNNAMED_SIDES.test(view.slice(cStart, at))
            ? null
            : /分别(与|同|和)/.exec(view.slice(cStart, at));
        if (severally && titles.length > 0) {
          const from = cStart + severally.index;
          const subject = partyRun(view, orgs, [cStart, from]);
          // A分别与B签订T1、与C签订T2: each verb has its partner, after the 与 before it.
          const segment = Math.max(from + 2, view.lastIndexOf('、', at) + 1);
          const link = /^[与同和]/.exec(view.slice(segment, at));
          const own = link ? leadingRun(view, orgs, [segment + 1, at]) : undefined;
          if (
            subject.length === 1 &&
            titles.length === 1 &&
            [...view.slice(from, cEnd).matchAll(SIGN)].length >= 2 &&
            own?.parties.length === 1 &&
            /^\s*(签订|签署|签约)/.test(view.slice(own.end, at + 2))
          ) {
            const a = upsert(
              titles[0],
              [subject[0], own.parties[0]] as Organisation[],
              clause,
              sentence,
            );
            if (a && !inSentence.includes(a)) inSentence.push(a);
            continue;
          }
          const partners = leadingRun(view, orgs, [from + severally[0].length, at]).parties;
          const one = subject.length === 1 ? subject[0] : undefined;
          if (
            one &&
            partners.length >= 2 &&
            (titles.length === 1 || titles.length === partners.length)
          ) {
            partners.forEach((partner, k) => {
              const t = titles[titles.length === 1 ? 0 : k] as Span;
              const a = upsert(t, [one, partner], clause, sentence);
              if (a && !inSentence.includes(a)) inSentence.push(a);
            });
          } else {
            pairsUnclear(text.slice(cStart, cEnd), clause, '分别与…');
          }
          continue;
        }
        let counterpart: Signatory | undefined;
        let bySigners: PersonMention[] = [];
        let parties: Organisation[] = [];
        let represented: Organisation[] = [];
        let respectively = false;
        if (hasRepresent) {
          const phraseStart = represent + 2;
          const phrase = view.slice(phraseStart, at);
          respectively = view.slice(represent - 2, represent) === '分别';
          if (MANY.test(phrase) || phrase === '') {
            represented = [];
          } else {
            // X代表A与B副总裁Y签署: X is for A, the body right after 代表, and Y, whose title
            // is at B, for B. A run that does not begin right after 代表 says nobody's side.
            const run = leadingRun(view, orgs, [phraseStart, at]);
            represented = run.parties;
            const other = represented.at(-1);
            if (signers.length === 1 && represented.length === 2 && other) {
              const them = people
                .mentionsIn([run.end, at])
                .filter((m) => people.organisationsOf(m.person).includes(other));
              if (them.length === 1) {
                const person = (them[0] as PersonMention).person;
                counterpart = { person, onBehalfOf: other, span: clause, confidence: 0.85 };
              }
            }
          }
          const before = signers.length === 0 ? partyRun(view, orgs, [cStart, represent]) : [];
          parties = before.length >= 2 ? before : represented;
          if (signers.length === 1 && represented.length >= 1) parties = represented;
          if (counterpart) represented = represented.slice(0, 1);
        } else if (ceremony && title) {
          parties = partyRun(view, orgs, [cStart, title[0]]);
        } else if (ceremony) {
          const leading = partyRun(view, orgs, [cStart, at]);
          if (leading.length >= 2) signingParties = leading;
          // A与B举行战略合作签约仪式: the ceremony names the agreement's kind, 战略合作协议.
          const kind = /(?:举行|举办)了?((?:全面)?战略合作(?:框架)?)$/.exec(view.slice(cStart, at));
          if (kind && leading.length >= 2) {
            const named = [at - (kind[1] as string).length, at] as Span;
            const a = upsert(named, leading, clause, sentence, false, '协议');
            if (a && !inSentence.includes(a)) inSentence.push(a);
          }
          continue;
        } else {
          // A person's name is never a party (孙丽与…总经理刘洋签署).
          parties = (told?.parties ?? partyRun(view, orgs, [cStart, at])).filter(
            (o) => !people.all.some((p) => p.name === o.name),
          );
          // X亦与…签署了N项协议,包括与A签署T1;与B、C签署T2: each with the sentence's subject.
          const partners = PARTNERS_FIRST.exec(view.slice(cStart, at));
          const subject = partners
            ? (subjectAt(text, view, orgs, sStart) ??
              openedWith ??
              headSubject(view, orgs, people, sentence, clause))
            : undefined;
          if (partners && subject) {
            const run = leadingRun(view, orgs, [cStart + partners[0].length, at]).parties;
            if (run.length > 0 && !run.includes(subject)) parties = [subject, ...run];
          }
          // A与B签订T1,与C签订T2: the second clause's subject is the first's.
          const lead = inSentence.at(-1)?.parties[0];
          if (
            parties.length === 1 &&
            lead &&
            lead !== parties[0] &&
            /^\s*(并|又|还|也|同时)?(与|同|和)/.test(view.slice(cStart, cEnd))
          )
            parties = [lead, parties[0] as Organisation];
          // 临江市副市长孙丽与东山县副县长周平签署T: the bodies of their titles sign, each by them.
          const named = people.mentionsIn([cStart, at]);
          const bodies = named.map((m) => people.organisationsOf(m.person));
          const last = named.at(-1);
          if (
            parties.length < 2 &&
            named.length >= 2 &&
            last &&
            /^\s*(共同|正式)?$/.test(view.slice(last.span[1], at)) &&
            !/见证|出席|主持|陪同|致辞|代表|由/.test(view.slice(cStart, at)) &&
            bodies.every((b) => b.length === 1) &&
            new Set(bodies.map((b) => b[0])).size === named.length
          ) {
            parties = bodies.map((b) => b[0] as Organisation);
            bySigners = named;
          }
          // A与B在…新闻中心签署: the venue after 在 is not a party.
          const venue = view.lastIndexOf('在', at);
          if (parties.length < 2 && venue > cStart) {
            const before = partyRun(view, orgs, [cStart, venue]);
            if (before.length >= 2) parties = before;
          }
        }
        // 二级学院负责人分别与相关部门负责人签订具体的项目协议: many signings between heads the
        // text does not name; no agreement between named bodies to draft.
        if (
          UNNAMED_SIDES.test(view.slice(cStart, at)) &&
          people.mentionsIn([cStart, at]).length === 0
        ) {
          unplaced.push({
            kind: 'agreement',
            text: title ? text.slice(...title) : text.slice(cStart, cEnd),
            span: clause,
            reason: 'agreement-heads-unnamed',
            detail:
              'signed between heads the text does not name (负责人分别与…负责人): not drafted',
          });
          continue;
        }
        let inferred = false;
        if (parties.length < 2) {
          const said = view.slice(cStart, at);
          const count = /三方/.test(said) ? 3 : /双方|两校/.test(said) ? 2 : 0;
          const lists = [...agreements.map((a) => a.parties).reverse(), signingParties];
          const fallback =
            lists.find((l) => l.length >= 2 && (count === 0 || l.length === count)) ?? [];
          // 上海方面先后与晋江市…签订: parties stated but not read are not the last ones.
          const ownParties =
            /[与和同]/.test(view.slice(sStart, at)) && !/(双方|三方|各方|两校)/.test(said);
          if (ownParties && parties.length === 0) {
            // leave it without parties: listed as unplaced
          } else if (parties.length === 0 || /(双方|三方|各方|两校)/.test(said)) {
            parties = fallback;
            inferred = true;
            // 《A与B战略合作协议》: a title that names its own pair takes no other.
            const named = title ? view.slice(...title) : '';
            if (
              /[与和]/.test(named) &&
              !fallback.every((o) =>
                [o.name, ...o.aliases].some((n) => named.includes(foldText(n))),
              )
            )
              parties = [];
          } else if (
            parties.length === 1 &&
            fallback.includes(parties[0] as Organisation) &&
            !withUnread(view, orgs, parties[0] as Organisation, [cStart, at])
          ) {
            parties = fallback;
            inferred = true;
          }
        }
        // X代表A县人民政府与B集团第四工程有限公司董事长Y签约, after A县人民政府与B集团有限公司…协议
        // 签约仪式: the agreement reported, signed by the group's subsidiary, which is no party.
        const viaSubsidiary = !title ? throughSubsidiary(agreements, parties) : undefined;
        if (viaSubsidiary) parties = viaSubsidiary.parties;
        if (!title && inSentence.length > 0 && signers.length > 0) {
          // 叶春燕与谢振华代表双方签约: the agreement of the clause before.
          const last = inSentence.at(-1) as Agreement;
          if (parties.length < 2 || sameParties(parties, last.parties)) parties = last.parties;
        }
        // 此前,X还与Y签约,托管…: a signing between two bodies the text names, with no title.
        if (
          !title &&
          !inferred &&
          verb[0] === '签约' &&
          parties.length === 2 &&
          signers.length === 0 &&
          bySigners.length === 0 &&
          sentence.paragraph >= 0 &&
          /^(?:[,。;]|$)/.test(view.slice(after, after + 1))
        ) {
          const own = dates.filter((d) => d.span[0] >= sStart && d.span[0] < at).at(-1);
          bareSignings.push({ parties, clause, sentence, ...(own ? { signedOn: own.date } : {}) });
        }
        const agreement = title
          ? upsert(title, parties, clause, sentence, inferred)
          : signers.length > 0 && inSentence.length > 0
            ? (inSentence.at(-1) as Agreement)
            : upsert(undefined, parties, clause, sentence);
        if (!agreement) {
          if (parties.length >= 2) signingParties = parties;
          continue;
        }
        if (!inSentence.includes(agreement)) inSentence.push(agreement);
        // A协议及B协议 signed together, then X、Y代表双方签署协议: the text does not say which one
        // they signed; listed, never asserted on the last.
        const signedTogether = together.get(agreement) ?? [];
        const anyOf = new Set([...signedTogether, ...(signers.length > 0 ? inSentence : [])]);
        const untitled = !title || /^(协议|合同|合作协议|协议书)$/.test(titleKey(view, title));
        if (untitled && anyOf.size > 1) {
          const who = [...signers, ...bySigners.map((m) => m.person)];
          if (counterpart) who.push(counterpart.person);
          for (const person of who) {
            unplaced.push({
              kind: 'signatory',
              text: text.slice(...person.span),
              span: clause,
              reason: 'signatory-agreement-unclear',
              detail: `signed one of ${[...anyOf].map((a) => a.title).join(', ')}; the text does not say which`,
            });
          }
          continue;
        }
        for (const m of bySigners) {
          const body = people.organisationsOf(m.person)[0] as Organisation;
          if (
            agreement.parties.includes(body) &&
            !agreement.signatories.some((x) => x.person === m.person)
          )
            agreement.signatories.push({
              person: m.person,
              onBehalfOf: body,
              span: clause,
              confidence: 0.8,
            });
        }
        // A协议及B协议: one more agreement for each further title, signed alike.
        for (const more of titles.slice(1)) {
          const twin = upsert(more, agreement.parties, clause, sentence, inferred);
          if (!twin || twin === agreement) continue;
          const group = [...new Set([...(together.get(agreement) ?? [agreement]), twin])];
          for (const a of group) together.set(a, group);
          if (!inSentence.includes(twin)) inSentence.push(twin);
        }
        if (counterpart && !agreement.parties.includes(counterpart.onBehalfOf)) {
          unplaced.push({
            kind: 'signatory',
            text: text.slice(...counterpart.person.span),
            span: clause,
            reason: 'signatory-side-unclear',
            detail: `signed ${agreement.title} for ${counterpart.onBehalfOf.name}, which is not a party`,
          });
        } else if (
          counterpart &&
          !agreement.signatories.some((x) => x.person === counterpart.person)
        ) {
          agreement.signatories.push(counterpart);
        }
        if (signers.length > 0) {
          assignSignatories(
            agreement,
            signers,
            represented,
            respectively,
            people,
            clause,
            unplaced,
            text,
          );
        }
        // X与Y代表双方签署A协议及B协议: they signed each.
        for (const twin of titles.length > 1 ? (together.get(agreement) ?? []) : []) {
          for (const x of agreement.signatories)
            if (!twin.signatories.some((y) => y.person === x.person)) twin.signatories.push(x);
        }
      }
    }
    // Witnesses: 在X、Y的共同见证下 before the signing, X、Y共同见证 after it.
    const witnessAt = view.indexOf('见证', sStart);
    if (witnessAt !== -1 && witnessAt < sEnd) {
      const clause =
        sentence.clauses.find(([s, e]) => s <= witnessAt && witnessAt < e) ?? sentence.span;
      // …等参加会议,并共同见证签约仪式: those who witness are the clause before's.
      let from = /^(并|并共同|共同|一同|一起)见证/.test(view.slice(clause[0], witnessAt + 2))
        ? sStart
        : clause[0];
      // 在A校长孙立,B董事长赵明的共同见证下: a list of officials split by commas.
      if (from > sStart) from = listStart(view, people, sentence, clause);
      const witnesses = people.mentionsIn([from, witnessAt]).map((m) => m.person);
      const all = /上述|各项|所有|全部/.test(view.slice(witnessAt, clause[1]));
      const targets = all ? agreements : inSentence.length ? inSentence : agreements.slice(-1);
      for (const agreement of targets) {
        for (const w of witnesses) {
          if (agreement.signatories.some((s) => s.person === w)) continue;
          if (!agreement.witnesses.includes(w)) agreement.witnesses.push(w);
        }
      }
    }
  }

  // Agreements signed together (A协议及B协议) share who witnessed and when; who signed only
  // where the clause that names both says it (see above), not a later 签署协议.
  for (const group of new Set(together.values())) {
    for (const a of group) {
      for (const b of group) {
        if (a === b) continue;
        for (const w of b.witnesses) if (!a.witnesses.includes(w)) a.witnesses.push(w);
        a.signedOn ??= b.signedOn;
      }
    }
  }
  for (const a of agreements) {
    if (!a.signedOn && leadDate) a.signedOn = leadDate.date;
    a.kind = countedKinds.get(a.key) ?? a.kind;
  }
  // …X还与Y签约: an agreement the text gives no title, 协议, dated only by its own sentence.
  // Only beside an agreement the article is about, and where no other sentence of both names
  // what they signed (…签署的人才培养合作协议).
  const titledElsewhere = (u: (typeof bareSignings)[number]) =>
    sentences.some(
      (s) =>
        s !== u.sentence &&
        /协议|合同|备忘录|意向书/.test(view.slice(...s.span)) &&
        u.parties.every((p) => orgs.mentionsIn(s.span).some((m) => m.org === p)),
    );
  for (const u of bareSignings) {
    if (!agreements.some((a) => a.parties.length >= 2) || titledElsewhere(u)) continue;
    if (agreements.some((a) => u.parties.every((p) => a.parties.includes(p)))) continue;
    agreements.push(
      newAgreement({
        title: '协议',
        key: '协议',
        kind: 'other',
        parties: u.parties,
        span: u.clause,
        mentions: [u.sentence.span],
        confidence: 0.7,
        signedOn: u.signedOn,
      }),
    );
  }
  const placed = agreements.filter((a) => a.parties.length >= 2);
  // 签署合作协议, then 此次战略合作协议的签署: the one agreement reported, more precisely named.
  const only = placed.length === 1 ? placed[0] : undefined;
  for (const kind of only ? laterKinds : []) {
    const rank = (k: AgreementKind) => COOPERATION_LADDER.indexOf(k);
    if (only && rank(only.kind) >= 0 && rank(kind) > rank(only.kind)) only.kind = kind;
  }
  for (const a of agreements) {
    if (a.parties.length < 2) {
      unplaced.push({
        kind: 'agreement',
        text: a.title,
        span: a.span,
        reason: 'agreement-parties-unnamed',
        detail: 'an agreement whose parties the text does not name',
      });
    }
  }
  return { agreements: placed, signingParties, unplaced };
}

/**
 * The body a sentence opens with as the subject of a signing with others (港中大亦与…), by its
 * name or a short form given before (港中大 of 香港中文大学).
 */
function subjectAt(
  text: string,
  view: string,
  orgs: Organisations,
  at: number,
): Organisation | undefined {
  const goesOn = (end: number) => /^(亦|也|还|又|并|同时)?[与和同]/.test(view.slice(end, end + 3));
  const mention = orgs.mentionAt(at);
  if (mention) return goesOn(mention.span[1]) ? mention.org : undefined;
  for (let n = 12; n >= 2; n--) {
    const head = view.slice(at, at + n);
    if (!goesOn(at + n) || !/^\p{Script=Han}+$/u.test(head)) continue;
    const known = orgs.find(head);
    const shortened = orgs.all.filter((o) => abbreviates(head, foldText(o.name)));
    const org = known ?? (shortened.length === 1 ? shortened[0] : undefined);
    if (!org) continue;
    orgs.alias(org, head, text.slice(at, at + n), [at, at + n]);
    orgs.mention(org, [at, at + n], 'alias');
    return org;
  }
  return undefined;
}

/** 代表A分别与企业代表: a body signing severally with representatives the clause does not name. */
const UNNAMED_PARTNERS =
  /代表([^,。;、]{2,15}?)分别与(?:各|相关)?(?:签约)?(?:企业|单位|客商|项目方)代表$/;

/** The companies a page calls signing ones: 签约企业代表A公司…, 签约企业A公司. */
function signingCompanies(view: string, orgs: Organisations): Organisation[] {
  const out: Organisation[] = [];
  for (const m of view.matchAll(/签约(?:企业|单位|项目方)(?:代表)?/g)) {
    const org = orgs.mentionAt(m.index + m[0].length)?.org;
    if (org && !out.includes(org)) out.push(org);
  }
  return out;
}

/** The last 代表 (represents) before `at`, not of 代表团 (a delegation) or 代表大会; -1 if none. */
function representAt(view: string, from: number, at: number): number {
  let k = view.lastIndexOf('代表', at);
  while (k >= from && /^代表(团|队|处|大会)/.test(view.slice(k, k + 4)))
    k = k > 0 ? view.lastIndexOf('代表', k - 1) : -1;
  return k;
}

/** A clause that goes on with its partners: 与B签订, 包括与B…, 27日与B…, 并与B…. */
const PARTNERS_FIRST = /^(?:\d{1,2}日|当天|同日|随后)?(?:并|还|也|亦)?(?:包括|其中)?[与和同]/;

/**
 * A大学在…的支持下,成立…联盟,27日与B、C签订…: the body that heads the sentence is the subject
 * of a later clause that goes on with 与, when no clause between opens with a subject of its
 * own (a body or a person) or signs, and the head names nobody (A大学校长X is X's sentence).
 */
function headSubject(
  view: string,
  orgs: Organisations,
  people: People,
  sentence: Sentence,
  clause: Span,
): Organisation | undefined {
  const index = sentence.clauses.indexOf(clause);
  const head = sentence.clauses.findIndex(
    (c) => !/^[\d月日年上下午晚,\s]*$/.test(view.slice(...c)),
  );
  const first = sentence.clauses[head];
  if (!first || head >= index) return undefined;
  const mention = orgs.mentionAt(first[0]);
  if (!mention || /^[、与和及同]/.test(view.slice(mention.span[1], mention.span[1] + 1)))
    return undefined;
  if (people.mentionsIn(first).length > 0) return undefined;
  for (const between of sentence.clauses.slice(head + 1, index)) {
    if (orgs.mentionAt(between[0]) || people.mentionsIn(between).length > 0) return undefined;
    if (/签署|签订|签约|签定|签字/.test(view.slice(...between))) return undefined;
  }
  return mention.org;
}

/**
 * Where a list of officials split by commas begins, for the clause that ends it (A校长孙立,
 * B董事长赵明的共同见证下): the clauses before that name people and do nothing else.
 */
function listStart(view: string, people: People, sentence: Sentence, clause: Span): number {
  let from = clause[0];
  for (let k = sentence.clauses.indexOf(clause) - 1; k >= 0; k--) {
    const before = sentence.clauses[k] as Span;
    if (
      people.mentionsIn(before).length === 0 ||
      /签|出席|参加|主持|致辞|讲话|表示|见证|举行|会见|陪同|代表/.test(view.slice(...before))
    )
      break;
    from = before[0];
  }
  return from;
}

/**
 * A与B、C合作共建…分院的协议正式签订: the agreement told before a verb without an object, after
 * the run of parties that opens the clause; its title is what stands between them.
 */
function toldBefore(
  view: string,
  orgs: Organisations,
  [start, at]: Span,
): { title: Span; parties: Organisation[] } | undefined {
  const m = /(协议书|协议|合同|备忘录|意向书)(正式|顺利|成功)?$/.exec(view.slice(start, at));
  if (!m) return undefined;
  const run = leadingRun(view, orgs, [start, at]);
  if (run.parties.length < 2) return undefined;
  const from = afterFunctionWords(view, run.end, at);
  const end = at - (m[2]?.length ?? 0);
  return end - from >= 2 && end - from <= 40
    ? { title: [from, end], parties: run.parties }
    : undefined;
}

/** The pairs A与B,C与D that end right at `span`'s end, in order (none when it is not such a list). */
function pairsBefore(view: string, orgs: Organisations, [start, end]: Span): Organisation[][] {
  const mentions = orgs.mentionsIn([start, end]).filter((m) => !inBrackets(view, m.span[0], start));
  const pairs: Organisation[][] = [];
  let k = mentions.length - 1;
  let at = end;
  while (k >= 1) {
    const b = mentions[k] as OrgMention;
    const a = mentions[k - 1] as OrgMention;
    const after = view.slice(b.span[1], at);
    if (!(pairs.length === 0 ? /^\s*$/ : /^[,、;\s]*$/).test(after)) break;
    if (!/^[与和同]$/.test(view.slice(a.span[1], b.span[0]))) break;
    pairs.unshift([a.org, b.org]);
    at = a.span[0];
    k -= 2;
  }
  return pairs;
}

/**
 * A县政府与八十团签订…: the one party read is named with a partner the rules do not read; the
 * pair of an earlier signing is not this one's.
 */
function withUnread(view: string, orgs: Organisations, party: Organisation, span: Span): boolean {
  return orgs.mentionsIn(span).some((m) => {
    if (m.org !== party) return false;
    const link = /^(与|和|同)/.exec(view.slice(m.span[1], span[1]));
    if (link && !orgs.mentionAt(m.span[1] + link[0].length)) return true;
    // 八十团与南州市签订: the partner before it.
    const before = view.slice(span[0], m.span[0]);
    return (
      /[与和同]$/.test(before) &&
      !orgs.mentionsIn([span[0], m.span[0]]).length &&
      /\p{Script=Han}{2}[与和同]$/u.test(before)
    );
  });
}

function passiveTitle(view: string, from: number, at: number): Span | undefined {
  const by = view.indexOf('由', from);
  if (by === -1 || by > at) return undefined;
  const before = view.slice(from, by);
  return /(协议|合同|备忘录|意向书|协定)$/.test(before) ? [from, by] : undefined;
}

/**
 * 华建集团第四工程有限公司 of 华建集团有限公司: a company named by its group's name (the group's
 * name without its legal ending, ending in 集团) and more.
 */
function subsidiaryOf(child: Organisation, group: Organisation): boolean {
  if (child.parent === group) return true;
  const stem = /^(\p{Script=Han}{2,}集团)(?:股份)?有限(?:责任)?公司$/u.exec(group.name)?.[1];
  return !!stem && child.name.startsWith(stem) && child.name.length > stem.length + 2;
}

/**
 * The agreement already reported between the same parties when one party is named by a
 * subsidiary of the other's group (A与B集团第四工程有限公司签约 after A与B集团有限公司…协议).
 */
function throughSubsidiary(
  agreements: Agreement[],
  parties: Organisation[],
): { parties: Organisation[] } | undefined {
  if (parties.length !== 2) return undefined;
  const match = (a: Agreement) =>
    a.parties.length === 2 &&
    parties.every((p, k) => p === a.parties[k] || subsidiaryOf(p, a.parties[k] as Organisation)) &&
    !sameParties(a.parties, parties);
  const found = agreements.filter(match);
  return found.length === 1 ? { parties: (found[0] as Agreement).parties } : undefined;
}

const sameParties = (a: Organisation[], b: Organisation[]) =>
  a.length === b.length && a.every((o) => b.includes(o));

function assignSignatories(
  agreement: Agreement,
  signers: Person[],
  represented: Organisation[],
  respectively: boolean,
  people: People,
  clause: Span,
  unplaced: Unplaced[],
  text: string,
) {
  const add = (person: Person, org: Organisation, confidence: number) => {
    if (!agreement.parties.includes(org)) return false;
    if (agreement.signatories.some((s) => s.person === person)) return true;
    agreement.signatories.push({ person, onBehalfOf: org, span: clause, confidence });
    return true;
  };
  // X代表Y: one signer, the body named after 代表.
  if (signers.length === 1 && represented.length >= 1) {
    add(signers[0] as Person, represented[0] as Organisation, 0.9);
    return;
  }
  // X与Y分别代表A和B: in order.
  if (represented.length === signers.length && represented.length >= 2) {
    signers.forEach((p, k) => {
      add(p, represented[k] as Organisation, respectively ? 0.9 : 0.8);
    });
    return;
  }
  // X与Y代表双方: each for the party the text gives them a title at.
  const left = new Map<Person, Organisation | undefined>();
  for (const person of signers) {
    const held = people.organisationsOf(person).filter((o) => agreement.parties.includes(o));
    left.set(person, held.length === 1 ? held[0] : undefined);
  }
  const unassigned = signers.filter((p) => !left.get(p));
  const free = agreement.parties.filter((o) => ![...left.values()].includes(o));
  if (unassigned.length === 1 && free.length === 1) left.set(unassigned[0] as Person, free[0]);
  else if (respectively && unassigned.length > 0 && signers.length === agreement.parties.length) {
    signers.forEach((p, k) => {
      if (!left.get(p)) left.set(p, agreement.parties[k]);
    });
  }
  for (const person of signers) {
    const org = left.get(person);
    if (org) add(person, org, 0.85);
    else {
      unplaced.push({
        kind: 'signatory',
        text: text.slice(...person.span),
        span: clause,
        reason: 'signatory-side-unclear',
        detail: `signed ${agreement.title}, for a party the text does not make clear`,
      });
    }
  }
}

/** The words of a title that say what kind of cooperation it is. */
const cooperationWords = (key: string) => ['战略', '合作', '框架'].filter((w) => key.includes(w));

/**
 * 区政府与百联集团签署创新发展战略合作协议 in a summary, then 9月13日,区政府与百联集团有限公司签署
 * 战略合作框架协议 and who signed it: one signing told twice, under two names. `a` retells `b`
 * when both are cooperation agreements of the same parties told in different clauses (titles
 * signed together share theirs), `b`'s kind words include all of `a`'s, their dates do not
 * differ, and `a` names no signatory while `b` names who signed it (合作协议 now and a 合作框架协议
 * three years before, neither with signatories, stay two).
 */
function retelling(a: Agreement, b: Agreement): boolean {
  if (a.span[0] === b.span[0] || !sameParties(a.parties, b.parties)) return false;
  const wa = cooperationWords(a.key);
  const wb = cooperationWords(b.key);
  if (!wa.includes('合作') || !wb.includes('合作') || !wa.every((w) => wb.includes(w)))
    return false;
  if (a.signedOn && b.signedOn && a.signedOn !== b.signedOn) return false;
  return a.signatories.length === 0 && b.signatories.length > 0;
}

/**
 * One agreement told in the headline and again in the body (孙吴县与斗门区签署战略合作协议 over
 * 签订《高水平、全方位战略合作框架协议》; "sign research agreement" over "signed a Research
 * Collaboration Agreement") is one agreement: a headline agreement whose parties are all
 * parties of one agreement of the body is that agreement, its title kept as an alias.
 */
export function mergeHeadline(all: Agreement[], headline: Span | undefined): Agreement[] {
  // 签订战略合作框架协议, then 签订《高水平、全方位战略合作框架协议》: the same parties, one title
  // the end of the other: one agreement, under the fuller title.
  const agreements = all.filter(
    (a) =>
      !all.some((b) => {
        if (
          b === a ||
          !((b.key.endsWith(a.key) && b.key !== a.key) || retelling(a, b)) ||
          !sameParties(a.parties, b.parties)
        )
          return false;
        if (!(b.aliases ?? []).includes(a.title)) b.aliases = [...(b.aliases ?? []), a.title];
        b.signedOn ??= a.signedOn;
        for (const x of a.signatories)
          if (!b.signatories.some((y) => y.person === x.person)) b.signatories.push(x);
        for (const w of a.witnesses) if (!b.witnesses.includes(w)) b.witnesses.push(w);
        return true;
      }),
  );
  if (!headline) return agreements;
  const inHeadline = (a: Agreement) => a.span[0] >= headline[0] && a.span[1] <= headline[1];
  const body = agreements.filter((a) => !inHeadline(a));
  return agreements.filter((a) => {
    if (!inHeadline(a)) return true;
    // A市与B师签署合作协议 over several agreements of other pairs: the headline sums them up;
    // it names no agreement of its own.
    if (/^(协议|合作协议|协议书)$/.test(a.key) && body.length >= 2) return false;
    const same = body.filter((b) => a.parties.every((p) => b.parties.includes(p)));
    if (same.length !== 1) return true;
    const b = same[0] as Agreement;
    if (a.key !== b.key && !(b.aliases ?? []).includes(a.title))
      b.aliases = [...(b.aliases ?? []), a.title];
    for (const x of a.signatories)
      if (!b.signatories.some((y) => y.person === x.person)) b.signatories.push(x);
    for (const w of a.witnesses) if (!b.witnesses.includes(w)) b.witnesses.push(w);
    b.signedOn ??= a.signedOn;
    return false;
  });
}
