/**
 * Officials and their titles, read the way Chinese news lists them:
 *
 *   北京工业大学党委书记姜泽廷,党委副书记、校长聂祚仁,党委常委、副校长乔俊飞、陈树君,朝阳区委副书记、区长吴小杰
 *
 * A title belongs to the organisation named before it, and that organisation carries on to
 * the next person until another is named. Titles joined by 、 or 兼 are one person's; names
 * joined by 、 after titles share them. 区委…/市委… titles belong to the place's party
 * committee and 区长/市长… to its government. A department written before a title stays in
 * the title (国际合作处处长). A name is two to four characters beginning with a surname and
 * ending where punctuation or a word that follows names (出席, 代表, 主持, 教授 ...) begins.
 */
import type { Unplaced } from './agreements.ts';
import type { Span } from './article.ts';
import {
  COMPOUND_SURNAMES,
  HONORIFICS,
  NAME_FOLLOWERS,
  SURNAMES,
  TITLE,
  TITLE_JOINERS,
} from './lexicon.ts';
import { hasProperName, type Organisation, type Organisations, wordsOf } from './organisations.ts';
import { tagWords } from './segmenter.ts';
import type { Sentence } from './sentences.ts';

export interface Person {
  /** The name as written. */
  name: string;
  /** The name as the rules read it (simplified). */
  key: string;
  span: Span;
  confidence: number;
}

export interface Role {
  person: Person;
  organisation: Organisation;
  /** The title as written (校長 stays 校長). */
  title: string;
  rank: number;
  /** The words from the organisation (or the first title) to the name. */
  span: Span;
  confidence: number;
}

export interface PersonMention {
  person: Person;
  span: Span;
  /** The phrase with its titles, when titles were written with the name. */
  phrase?: Span;
  sentence: number;
}

export class People {
  readonly all: Person[] = [];
  readonly roles: Role[] = [];
  readonly mentions: PersonMention[] = [];
  /** Titles read but not given to a body: the text ties them to none it names. */
  readonly unplaced: Unplaced[] = [];
  private readonly byKey = new Map<string, Person>();

  find(key: string): Person | undefined {
    return this.byKey.get(key);
  }

  add(key: string, written: string, span: Span, confidence: number): Person {
    let person = this.byKey.get(key);
    if (!person) {
      person = { name: written, key, span, confidence };
      this.all.push(person);
      this.byKey.set(key, person);
    }
    return person;
  }

  mention(person: Person, span: Span, sentence: number, phrase?: Span) {
    if (this.mentions.some((m) => m.span[0] === span[0])) return;
    this.mentions.push({ person, span, sentence, ...(phrase ? { phrase } : {}) });
  }

  role(role: Role) {
    const same = this.roles.find(
      (r) =>
        r.person === role.person && r.organisation === role.organisation && r.title === role.title,
    );
    if (!same) this.roles.push(role);
  }

  /** Mentions inside a span, in order. */
  mentionsIn([start, end]: Span): PersonMention[] {
    return this.mentions
      .filter((m) => m.span[0] >= start && m.span[1] <= end)
      .sort((a, b) => a.span[0] - b.span[0]);
  }

  /** The organisations a person holds titles at. */
  organisationsOf(person: Person): Organisation[] {
    return [...new Set(this.roles.filter((r) => r.person === person).map((r) => r.organisation))];
  }
}

/**
 * What a title tells of the body that holds it: 校长 is a school's, 所长 an institute's (名 ends
 * in 所), 院长 a 院's, 董事长 a company's, 厅长 a 厅's. A title read after another body's name
 * (贵阳市市长王宏,…,校长王进军) does not go to that body when it cannot be its title.
 */
const TITLE_FITS: [RegExp, (name: string, kind: string) => boolean][] = [
  // 科学技术研究院院长: the unit is in the title, which fits the body it is a unit of.
  [/[院所厅局会](常务)?副?[院所厅局会]长$/, () => true],
  [
    /^(常务)?副?校长|^校党委|^校长助理|^副?(教务|研发|国际|学务|总务|产学)长$/,
    (_, kind) => kind === 'university',
  ],
  [/所长$/, (name) => /所$/.test(withoutLegalEnding(name))],
  [/院长$/, (name) => /院$/.test(withoutLegalEnding(name))],
  [/董事|总经理|总裁|监事/, (_, kind) => kind === 'company' || kind === 'other'],
  [/厅长$/, (name) => /[厅廳]$/.test(name)],
  [/局长$/, (name) => /局$/.test(name)],
  [/会长$/, (name) => /[会會]$/.test(name)],
];

/** 华建科学研究院有限公司 is a 院 (its 院长), whatever its legal ending. */
const withoutLegalEnding = (name: string) =>
  name.replace(/(股份有限公司|有限责任公司|有限公司)$/, '');

/** Whether `org` can hold `title`; undefined when the title says nothing of its body. */
export function titleFits(title: string, org: Organisation): boolean | undefined {
  const current = title.replace(/^原/, '');
  const rule = TITLE_FITS.find(([pattern]) => pattern.test(current));
  return rule ? rule[1](org.name, org.kind) : undefined;
}

const DELIMITER = /[\s,、。;:!?()“”"《》[\]]/;
const nameWords = new Map<string, ReturnType<typeof tagWords>>();
/** The words jieba reads in a candidate name (kept: the same few are asked again and again). */
function wordsOfName(name: string) {
  let words = nameWords.get(name);
  if (!words) {
    words = tagWords(name);
    nameWords.set(name, words);
  }
  return words;
}

/** jieba's tags of words no name is read as: adjectives, adverbs, verbs, numerals, pronouns. */
const COMMON_WORD = /^(a|ad|an|d|v|vd|m|q|r|p|c|u.*|f)$/;
const DEPARTMENT = /(处|部|办公室|办|室|科|系|组|司|中心|研究院|研究所|学院|委员会)$/;
const PARTY_TITLE = /^原?(区委|市委|省委|县委|州委|镇党委|乡党委)/;
const GOVERNMENT_TITLE = /(区长|市长|省长|县长|镇长|乡长|州长)$/;
/** A department's head written with its department (宣传部长, 组织部部长, 办公室主任). */
const DEPARTMENT_HEAD =
  /^\p{Script=Han}{2,4}?(?:部|处|局|科)?(?:副?(?:部长|处长|局长|科长)|办公室副?主任)/u;

/** Whether a name may end at `at`: punctuation, the end, or a word that follows names. */
function endsName(view: string, at: number, end: number): boolean {
  if (at >= end) return true;
  if (DELIMITER.test(view[at] as string)) return true;
  return NAME_FOLLOWERS.some((w) => view.startsWith(w, at));
}

/** The name that begins at `at`, if one does: its length, or 0. */
export function readName(view: string, at: number, end: number): number {
  const options: number[] = [];
  for (const length of [3, 2, 4]) {
    if (at + length > end) continue;
    const name = view.slice(at, at + length);
    if (!/^\p{Script=Han}+$/u.test(name)) continue;
    const compound = COMPOUND_SURNAMES.has(name.slice(0, 2));
    if (!compound && !SURNAMES.has(name[0] as string)) continue;
    if (length === 4 && !compound) continue;
    if (compound && length < 3) continue;
    if (!endsName(view, at + length, end)) continue;
    // 石磊等: a name does not end in a word that follows names; but 白平和, then punctuation or
    // a verb (出席), ends in 和 itself: no name follows that 和 to join.
    if (
      length > 2 &&
      NAME_FOLLOWERS.some((w) => view.startsWith(w, at + length - 1)) &&
      !(
        /[和同及与]/.test(view[at + length - 1] as string) &&
        (at + length >= end ||
          DELIMITER.test(view[at + length] as string) ||
          NAME_FOLLOWERS.some((w) => w.length > 1 && view.startsWith(w, at + length)))
      )
    )
      continue;
    // 简一行参观, 高兴地表示: a word that follows names begins inside it, or it ends in a
    // particle; the name, if any, is shorter.
    if (
      length > 2 &&
      (NAME_FOLLOWERS.some(
        (w) => w.length > 1 && view.startsWith(w, at + 1) && at + 1 + w.length <= at + length,
      ) ||
        wordsOfName(name).some((w) => /^u/.test(w.tag)))
    )
      continue;
    // 简单介绍: a word of the language (an adjective, an adverb, a verb), not a name.
    if (
      length === 2 &&
      COMMON_WORD.test(wordsOfName(name)[0]?.tag ?? '') &&
      wordsOfName(name).length === 1
    )
      continue;
    TITLE.lastIndex = at + 1;
    if (TITLE.test(view) && TITLE.lastIndex <= at + length) continue;
    options.push(length);
  }
  return options[0] ?? 0;
}

interface Titles {
  spans: Span[];
  end: number;
  /** A unit written before the name (飞弹所黄志明所长): the first title begins with it. */
  unit?: Span;
}

/** 飞弹所黄志明, 策略会周怡君: a unit (ending 所, 会, 处, 中心 ...) and a name after it. */
const UNIT_BEFORE_NAME =
  /^(\p{Script=Han}{1,5}?(?:所|会|处|中心|室|组|馆))(?=\p{Script=Han}{2,3}$)/u;

/** Titles joined by 、 or 兼 beginning at `at`. */
function readTitles(view: string, at: number, end: number): Titles | undefined {
  const spans: Span[] = [];
  let i = at;
  for (;;) {
    TITLE.lastIndex = i;
    const m = TITLE.exec(view);
    if (!m || m.index !== i || i + m[0].length > end) break;
    spans.push([i, i + m[0].length]);
    i += m[0].length;
    // 副校長(策略規劃): a qualifier in brackets is part of the title.
    const qualifier = /^\([^()]{1,8}\)/.exec(view.slice(i, end));
    if (qualifier) {
      i += qualifier[0].length;
      (spans.at(-1) as Span)[1] = i;
    }
    const joiner = TITLE_JOINERS.find((j) => view.startsWith(j, i));
    if (!joiner) break;
    TITLE.lastIndex = i + joiner.length;
    const next = TITLE.exec(view);
    if (next && next.index === i + joiner.length) {
      i += joiner.length;
      continue;
    }
    // 县委常委、宣传部长: a department's head after the joiner is a title of its own, as written.
    const headed = DEPARTMENT_HEAD.exec(view.slice(i + joiner.length, end));
    if (!headed) break;
    spans.push([i + joiner.length, i + joiner.length + headed[0].length]);
    i += joiner.length + headed[0].length;
  }
  return spans.length ? { spans, end: i } : undefined;
}

interface Context {
  orgs: Organisation[];
}

/** Reads every official, title and name of the article's sentences. */
export function findOfficials(
  text: string,
  view: string,
  sentences: Sentence[],
  orgs: Organisations,
): People {
  const people = new People();
  let carried: Context | undefined;
  let paragraph = -2;

  /** The place of `level` (区, 市 ...) the text last named before `at`. */
  const placeBefore = (level: string, at: number): string | undefined => {
    const before = orgs.mentions.filter((m) => m.span[0] < at && m.org.place?.endsWith(level));
    return before.at(-1)?.org.place;
  };

  sentences.forEach((sentence, index) => {
    if (sentence.paragraph !== paragraph) {
      carried = undefined;
      paragraph = sentence.paragraph;
    }
    const [start, end] = sentence.span;
    let pending: Organisation[] = [];
    let pendingPlace: string | undefined;
    /** 青石镇党委书记李明、镇长王强: the place a title named earlier in the sentence. */
    const placesNamed: Record<string, string> = {};
    let unknownBody = false;
    let loose = start;
    let i = start;
    while (i < end) {
      const ch = view[i] as string;
      if (ch === ',' || ch === ';' || ch === ':') {
        pending = [];
        pendingPlace = undefined;
        i += 1;
        loose = i;
        continue;
      }
      if (ch === '、') {
        i += 1;
        loose = i;
        continue;
      }
      const org = orgs.mentionAt(i);
      // 继续教育学院院长, 科学技术研究院院长: a unit with no name of its own, before a title, is
      // a department of the body named before it (or carried), and stays in the title.
      if (
        org &&
        readTitles(view, org.span[1], end) &&
        isDepartment(org.org.name, org.org.parent) &&
        (org.org.parent || carried?.orgs.length || isCollege(org.org)) &&
        !namedAsPartner(view, orgs, org.org)
      ) {
        const parent =
          org.org.parent &&
          view.startsWith(view.slice(i, i + org.org.parent.name.length), i) &&
          org.org.name.startsWith(org.org.parent.name)
            ? org.org.parent
            : undefined;
        if (parent) {
          if (!pending.includes(parent)) pending.push(parent);
          loose = i + parent.name.length;
        } else {
          loose = i;
          // 环境科学与工程学院院长 after a company's officials: a college is a university's,
          // the one the article names; with none or several, its title is not placed.
          if (isCollege(org.org) && !carried?.orgs.some((o) => o.kind === 'university')) {
            const universities = orgs.all.filter(
              (o) => o.kind === 'university' && !o.parent && (o.unnamed || hasProperName(o.name)),
            );
            if (universities.length === 1) pending = [universities[0] as Organisation];
            else unknownBody = true;
          }
        }
        i = org.span[1];
        continue;
      }
      if (org) {
        // 区政府与百联集团副总裁孙伟: a title after A与B is B's.
        if (pending.length && /[与和同及]/.test(view.slice(loose, i))) pending = [];
        if (!pending.includes(org.org)) pending.push(org.org);
        i = org.span[1];
        // 朝阳园管委会(区科信局): a second name in brackets; (以下简称…) is skipped.
        if (view[i] === '(') {
          const inner = orgs.mentionAt(i + 1);
          const close = view.indexOf(')', i);
          if (inner && close === inner.span[1] && !pending.includes(inner.org)) {
            pending.push(inner.org);
          }
          if (close !== -1 && close - i < 30) i = close + 1;
        }
        loose = i;
        continue;
      }
      // 斗门区领导杨富邦、徐留根: people named as leaders, with no title to give them.
      if (view.startsWith('领导', i)) {
        let j = i + 2;
        for (let length = readName(view, j, end); length > 0; length = readName(view, j, end)) {
          const span: Span = [j, j + length];
          people.mention(
            people.add(view.slice(...span), text.slice(...span), span, 0.8),
            span,
            index,
          );
          j += length;
          if (view[j] !== '、') break;
          j += 1;
        }
        if (j > i + 2) {
          i = j;
          loose = i;
          continue;
        }
      }
      const titles = readTitles(view, i, end);
      if (titles) {
        // 校長 王大明: a list that sets a space between title and name.
        let nameAt = titles.end;
        while (view[nameAt] === ' ' && nameAt < titles.end + 2) nameAt++;
        let nameLength = readName(view, nameAt, end);
        if (nameLength === 0) nameAt = titles.end;
        if (nameAt > titles.end && /[\p{Script=Han}]/u.test(view[nameAt + nameLength] ?? ''))
          nameLength = 0;
        // 孙立校长和赵明董事长: 和 joins the next name written before its title; no name follows.
        TITLE.lastIndex = nameAt + nameLength;
        if (nameLength > 0 && /[和与及同]/.test(view[nameAt] as string) && TITLE.test(view))
          nameLength = 0;
        if (nameLength === 0) {
          // 季先峥秘书长, 黄河明厅长: the name before the title, right after its body; and the
          // names after it in a list (王大明校長、李小華副校長與林美玲研發長) at the same body.
          if (/^[与和及由在]/.test(view.slice(loose, i))) loose += 1;
          const listed = /[、与和及]/.test(view[loose - 1] ?? '') && !!carried?.orgs.length;
          // 策略会周怡君副执行长, 飞弹所黄志明所长 in a list after 中科院: a unit of the body
          // carried, written before the name; the title is kept whole (飞弹所所长) at that body.
          const unit = UNIT_BEFORE_NAME.exec(view.slice(loose, i));
          if (unit && (pending.length > 0 || listed)) {
            titles.unit = [loose, loose + (unit[1] as string).length];
            loose = titles.unit[1];
          }
          const gap = view.slice(loose, i);
          // 由林志远校长、…代表双方签署: no body before it, but a title one body named can hold.
          const fitsOne =
            !unit &&
            orgs.all.filter((o) => titleFits(view.slice(i, titles.end), o) && !o.parent).length ===
              1;
          if (
            (pending.length > 0 || listed || fitsOne) &&
            /^\p{Script=Han}{2,3}$/u.test(gap) &&
            SURNAMES.has(gap[0] as string) &&
            // 王与李: two people; but 陈大同, 林志和 end in a given name's 同 or 和.
            !/[与和及同]/.test(gap.slice(0, -1)) &&
            // 相关负责人: a word of the language (相关/v), not a name.
            !(wordsOfName(gap).length === 1 && COMMON_WORD.test(wordsOfName(gap)[0]?.tag ?? '')) &&
            // 国际处处长: a department, not a name.
            !/(处|部|办|室|科|系|组|司|局|委|会|院|所|中心)$/.test(gap)
          ) {
            const span: Span = [loose, i];
            const person = people.add(gap, text.slice(...span), span, 0.8);
            const phrase: Span = [orgMentionStart(orgs, pending, i) ?? loose, titles.end];
            if (pending.length === 0) pending = [...(carried?.orgs ?? [])];
            people.mention(person, span, index, phrase);
            const holders = assignTitles(titles, person, phrase, 0.8);
            carried = { orgs: holders.length ? holders : (carried?.orgs ?? []) };
            pending = [];
            i = titles.end;
            loose = i;
            continue;
          }
          i = titles.end;
          continue;
        }
        // What stands between the last delimiter and the titles: a department or a place.
        const before = view.slice(loose, i);
        if (before.length >= 2 && /^\p{Script=Han}+$/u.test(before)) {
          if (pending.length === 0 && /(省|市|区|县|州|镇)$/.test(before)) {
            // 仪式由临川市副市长: the place is the run of words at the end, not 仪式由.
            const words = wordsOf(view, [loose, i]);
            const bad = words
              .filter(
                (w) =>
                  /^(v|vn|p|c|d|u.*|r|m|q|n)$/.test(w.tag) && !/(省|市|区|县|州|镇)$/.test(w.word),
              )
              .at(-1);
            let placeWords = bad ? view.slice(bad.start + bad.word.length, i) : before;
            // 活动由北州市副市长: jieba glues 由 to the place (由北州/x); the place follows it.
            const placeStart = i - placeWords.length;
            const glued = words.find(
              (w) =>
                w.start === placeStart && w.tag === 'x' && /^[由与和同及在向为从]/.test(w.word),
            );
            if (glued) placeWords = placeWords.slice(1);
            pendingPlace = placeWords;
            // 青石镇镇长: jieba reads 青石 as a noun; a level alone is no place, so the
            // noun before it is the place's name.
            if (bad && pendingPlace.length === 1 && bad.tag === 'n' && bad.start >= loose)
              pendingPlace = `${bad.word}${pendingPlace}`;
            // 临江市南湖区副区长: the district, not 临江市南湖区 (the city is its parent).
            pendingPlace = pendingPlace.replace(
              /^\p{Script=Han}{2,}?[省市](?=\p{Script=Han}{2,}[区县镇乡]$)/u,
              '',
            );
            if (pendingPlace.length < 2) pendingPlace = undefined;
          } else if (
            pending.length === 0 &&
            /^(镇党委|镇长|副镇长|乡党委|乡长|副乡长)/.test(view.slice(i, titles.end)) &&
            !/[与和同及的在]/.test(before)
          ) {
            // 青石镇党委书记, 青石镇长: the title's first character ends the town's name.
            pendingPlace = `${before}${view[i] === '副' ? view[i + 1] : view[i]}`;
          } else if (DEPARTMENT.test(before) && titles.spans[0]) titles.spans[0][0] = loose;
          else if (
            pending.length === 0 &&
            !/(省|市|区|县|州|镇)$/.test(before) &&
            /^(n|nt|nz|j|ns)$/.test(wordsOf(view, [loose, i]).at(-1)?.tag ?? '')
          ) {
            // 县人大常委会主任雷敏, a body the rules do not read: not the body carried along
            // (成员包括副校长…, 率领副校长…: a verb, not a body).
            unknownBody = true;
          }
        }
        const nameSpan: Span = [nameAt, nameAt + nameLength];
        const person = people.add(view.slice(...nameSpan), text.slice(...nameSpan), nameSpan, 0.9);
        const phrase: Span = [
          pending.length ? (orgMentionStart(orgs, pending, i) ?? i) : i,
          nameSpan[1],
        ];
        people.mention(person, nameSpan, index, phrase);
        const holders = assignTitles(titles, person, phrase);
        carried = { orgs: holders.length ? holders : (carried?.orgs ?? []) };
        i = nameSpan[1];
        i = skipHonorific(view, i);
        // 副校长乔俊飞、陈树君: names after a name share its titles.
        while (view[i] === '、' && !orgs.mentionAt(i + 1) && !readTitles(view, i + 1, end)) {
          const length = readName(view, i + 1, end);
          if (length === 0) break;
          // 马超、国际合作处处长贺兰: a title before the next delimiter means a new person.
          const rest = view.slice(i + 1, end).split(/[,、。;]/)[0] as string;
          if (/处长|部长|主任|书记|校长|院长|经理|董事/.test(rest.slice(length))) break;
          const span: Span = [i + 1, i + 1 + length];
          const other = people.add(view.slice(...span), text.slice(...span), span, 0.85);
          people.mention(other, span, index, [phrase[0], span[1]]);
          assignTitles(titles, other, [phrase[0], span[1]], 0.85);
          i = skipHonorific(view, span[1]);
        }
        pending = [];
        pendingPlace = undefined;
        unknownBody = false;
        loose = i;
        continue;
      }
      i += 1;
    }

    /** Gives `person` each title at the organisation it belongs to; returns those bodies. */
    function assignTitles(titles: Titles, person: Person, phrase: Span, confidence = 0.9) {
      const holders: Organisation[] = [];
      titles.spans.forEach(([s, e], rank) => {
        const unit = rank === 0 ? titles.unit : undefined;
        let title = `${unit ? text.slice(...unit) : ''}${text.slice(s, e)}`;
        const key = `${unit ? view.slice(...unit) : ''}${view.slice(s, e)}`;
        const place = (level: string) =>
          pending.find((o) => o.place?.endsWith(level))?.place ??
          (pendingPlace?.endsWith(level) ? pendingPlace : undefined) ??
          placesNamed[level] ??
          placeBefore(level, s);
        let targets: Organisation[] = [];
        let sure = confidence;
        const party = PARTY_TITLE.exec(key);
        const government = GOVERNMENT_TITLE.exec(key);
        if (party) {
          const level = (party[1] as string)[0] as string;
          const where = place(level);
          // 青石镇党委: a town's committee is its 党委, written so.
          const body = (party[1] as string).slice(1);
          if (where && where.length >= 2) {
            targets = [orgs.partyCommitteeOf(where, [s, e], `${where}${body}`)];
            placesNamed[level] = where;
          }
          sure = 0.8;
        } else if (government) {
          const level = (government[1] as string)[0] as string;
          const where = place(level);
          if (where && where.length >= 2) {
            targets = [orgs.governmentOf(where, [s, e])];
            placesNamed[level] = where;
          }
          sure = 0.8;
        } else if (pending.length) {
          targets = pending;
          const committee = pending.find((o) => o.kind === 'party-committee' && o.place);
          // 滨江区委书记: the committee's title is 区委书记 (the first; 县委常委、宣传部长 keeps
          // the second as written).
          if (committee && pending.length === 1 && rank === 0) {
            const level = (committee.place as string).slice(-1);
            const at = orgMentionEnd(orgs, committee, s);
            title = `${at ? text.slice(at - 2, at) : `${level}委`}${title}`;
          }
        } else if (carried?.orgs.length && !unknownBody) {
          targets = carried.orgs;
          sure = confidence - 0.05;
        } else if (!unknownBody) {
          // 校长李强 on a page that calls its university only 我校: the page's own body, the
          // one the title fits (never the partner the page names).
          const self = [
            ...new Set(
              orgs.mentions.filter((m) => m.how === 'self' || m.org.unnamed).map((m) => m.org),
            ),
          ].filter((o) => titleFits(key, o) || (/^原?党委/.test(key) && o.kind === 'university'));
          if (self.length === 1) targets = self;
          else if (self.length === 0) {
            // 一行:校長 王大明: no body before it; a title only one body named can hold.
            const able = orgs.all.filter(
              (o) => titleFits(key, o) && !o.parent && hasProperName(o.name),
            );
            if (able.length === 1) targets = able;
          }
          sure = 0.7;
        }
        if (targets.some((o) => titleFits(key, o) === false)) {
          // 区政府与百联集团副总裁孙伟: the title goes to the body that can hold it.
          const fitting = targets.filter((o) => titleFits(key, o) !== false);
          if (fitting.length) targets = fitting;
        }
        if (targets.length && targets.every((o) => titleFits(key, o) === false)) {
          // 校长 after a city's officials: the one body the text names that can hold it.
          const able = orgs.all.filter(
            (o) => titleFits(key, o) && !o.parent && (o.unnamed || hasProperName(o.name)),
          );
          targets = able.length === 1 ? (able as Organisation[]) : [];
          sure -= 0.1;
          if (targets.length === 0) {
            people.unplaced.push({
              kind: 'role',
              text: `${text.slice(...person.span)} ${title}`,
              span: phrase,
              reason: 'role-body-ambiguous',
              detail: `${title}: the text names no one body that holds this title`,
            });
          }
        }
        if (targets.length === 0 && (party || government)) {
          // 县委书记 on a page that names no county: no committee the draft can name.
          people.unplaced.push({
            kind: 'role',
            text: `${text.slice(...person.span)} ${title}`,
            span: phrase,
            reason: 'role-place-unnamed',
            detail: `${title}: the text names no place whose ${party ? 'party committee' : 'government'} this is`,
          });
        } else if (targets.length === 0 && unknownBody) {
          people.unplaced.push({
            kind: 'role',
            text: `${text.slice(...person.span)} ${title}`,
            span: phrase,
            reason: 'role-body-unknown',
            detail: `${title}: the body before it is not one the text names in full`,
          });
        }
        for (const organisation of targets) {
          people.role({ person, organisation, title, rank, span: phrase, confidence: sure });
          if (!holders.includes(organisation)) holders.push(organisation);
        }
      });
      return holders.filter((o) => o.kind !== 'government' && o.kind !== 'party-committee').length
        ? holders.filter((o) => o.kind !== 'government' && o.kind !== 'party-committee')
        : holders;
    }
  });

  // Names met again without titles: 姜泽廷指出, 在林国栋、吴建波的共同见证下.
  const keys = people.all.map((p) => p.key).sort((a, b) => b.length - a.length);
  sentences.forEach((sentence, index) => {
    const [start, end] = sentence.span;
    for (let i = start; i < end; i++) {
      const key = keys.find((k) => view.startsWith(k, i));
      if (!key) continue;
      const covered = people.mentions.some((m) => m.span[0] <= i && m.span[1] > i);
      if (!covered && endsName(view, i + key.length, end)) {
        people.mention(people.find(key) as Person, [i, i + key.length], index);
      }
      i += key.length - 1;
    }
  });
  people.mentions.sort((a, b) => a.span[0] - b.span[0]);
  return people;
}

/**
 * Whether a body stands in a run of bodies (A集团与建研地基、检测中心举行…): a partner of its
 * own, not a department of the body named before it.
 */
function namedAsPartner(view: string, orgs: Organisations, org: Organisation): boolean {
  return orgs.mentions.some(
    (m) =>
      m.org === org &&
      ((/[与和、]/.test(view[m.span[0] - 1] ?? '') &&
        orgs.mentions.some((x) => x.org !== org && x.span[1] === m.span[0] - 1)) ||
        (/[与和、]/.test(view[m.span[1]] ?? '') &&
          orgs.mentions.some((x) => x.org !== org && x.span[0] === m.span[1] + 1))),
  );
}

/** A college or department of a university (工程学院, 化学系), named without the university. */
const isCollege = (org: Organisation) =>
  /(学院|系)$/.test(org.name) && !org.parent && !hasProperName(org.name);

/** A unit without a proper name of its own: 科学技术研究院, or 赣东学院 + 继续教育学院. */
function isDepartment(name: string, parent: Organisation | undefined): boolean {
  const own = parent && name.startsWith(parent.name) ? name.slice(parent.name.length) : name;
  // 区卫生健康委员会: a place's commission or bureau is a body of its own, not a department.
  if (/^[省市区县州镇乡]/.test(own)) return false;
  if (own.length < 3 || !/(学院|研究院|研究所|研究中心|中心|处|部|办|系|室|委员会)$/.test(own))
    return false;
  return !hasProperName(own);
}

function skipHonorific(view: string, at: number): number {
  const honorific = HONORIFICS.find((h) => view.startsWith(h, at));
  return honorific ? at + honorific.length : at;
}

function orgMentionStart(orgs: Organisations, pending: Organisation[], before: number) {
  const mentions = orgs.mentions.filter(
    (m) => pending.includes(m.org) && m.span[1] <= before && before - m.span[1] < 40,
  );
  return mentions[0]?.span[0];
}

function orgMentionEnd(orgs: Organisations, org: Organisation, before: number) {
  return orgs.mentions.filter((m) => m.org === org && m.span[1] <= before).at(-1)?.span[1];
}
