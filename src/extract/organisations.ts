/**
 * Organisations: where their names are written, and the other names they go by. A name is
 * found by the word that ends it (大学, 集团有限公司, 管理委员会, 局 ...) and read leftwards to
 * the punctuation or linking word (与, 和, 在, 下属 ...) before it; a leading verb is trimmed
 * (加快北京… is 北京…). Short forms are taken from the text: announced in brackets
 * (以下简称“江城城投”), or written later as an abbreviation of a full name (北工大 of
 * 北京工业大学, 朝阳园管委会 of 中关村科技园区朝阳园管理委员会), or as the name without its
 * legal ending (华锐机器人 of 华锐机器人有限公司). A body in brackets after another that does not
 * abbreviate it is the same body under a second name (朝阳园管委会(区科信局)).
 */
import { foldText, type Span } from './article.ts';
import {
  MINISTRIES,
  NOT_ORGANISATIONS,
  ORG_LEFT_BOUNDARIES,
  ORG_SUFFIXES,
  SURNAMES,
  TITLE,
} from './lexicon.ts';
import { cutWords, tagWords, type Word } from './segmenter.ts';

export type OrgKind =
  | 'university'
  | 'company'
  | 'government'
  | 'party-committee'
  | 'park-administration'
  | 'research-institute'
  | 'association'
  | 'other';

export interface Organisation {
  /** The fullest name the text gives, as written. */
  name: string;
  aliases: string[];
  kind: OrgKind;
  /** Where the fullest name is written. */
  span: Span;
  confidence: number;
  parent?: Organisation;
  sameAs: Organisation[];
  /** For a government or party committee: the place it governs (朝阳区). */
  place?: string;
  /** Where each short form was seen, for the reviewer. */
  aliasSpans: Map<string, Span>;
  /** Where the text says it belongs to its parent (北控集团下属焦奥中心). */
  parentSpan?: Span;
  /**
   * The page's own body or its subject, named only by 我校, 学校, 我所 ...: the text gives no
   * name of it, so the draft lists it for the reviewer to name.
   */
  unnamed?: boolean;
  /** Visited by the page's delegation (拜会了…机构,包括A、B等): a body of the article, not a party. */
  visited?: boolean;
}

export interface OrgMention {
  org: Organisation;
  span: Span;
  /** How it was recognised: full name, announced short form, abbreviation, ... */
  how: 'name' | 'alias' | 'abbreviation' | 'place-body' | 'self';
}

const PUNCT = /[\s,、。;:!?()“”"'《》[\]<>…—·/|+\-*=\d０-９A-Za-z]/;
const PLACE_LEVEL = /(省|市|区|县|州|镇|旗|盟)$/;

/** The kind of body a name ends in. */
export function kindOf(name: string): OrgKind {
  if (/(区委|市委|省委|县委|州委|党委|党工委|党组)$/.test(name)) return 'party-committee';
  if (/(管理委员会|管委会)$/.test(name) && /(园|区|开发区|新区|片区|港)/.test(name))
    return 'park-administration';
  // 中国科学院 ends in 学院 but is an academy of research institutes.
  if (/(研究院|研究所|研究中心|实验室|科学院)$/.test(name)) return 'research-institute';
  if (/(大学|学院|学校|大學)$/.test(name) && !/(党校|行政学院)$/.test(name)) return 'university';
  if (/(公司|集团)$/.test(name)) return 'company';
  if (/(人民政府|政府|局|厅|委员会|管委会|办公室|大使馆|领事馆|部|署)$/.test(name))
    return 'government';
  if (/(协会|学会|联合会|商会|基金会)$/.test(name)) return 'association';
  return 'other';
}

/** The endings a short form of a name with this suffix may have: 大学 → 大, 大学. */
const SHORT_ENDINGS: [RegExp, string[]][] = [
  [/大学$/, ['大学', '大']],
  [/(研究院|学院)$/, ['院']],
  [/研究中心$/, ['研究中心', '中心']],
  [/中心$/, ['中心']],
  [/集团(股份|有限|公司)*$/, ['集团']],
  [/管理委员会$/, ['管委会', '管委']],
  [/委员会$/, ['委员会', '委']],
  [/人民政府$/, ['政府']],
  [/局$/, ['局']],
  // 国博 of 国家博物馆, 故宫 of 故宫博物院.
  [/博物[馆院]$/, ['博', '博物馆', '博物院']],
];

/** Whether `short` abbreviates `full`: 北工大 of 北京工业大学, 北控集团 of 北京控股集团有限公司. */
export function abbreviates(short: string, full: string): boolean {
  if (short.length < 2 || short.length >= full.length) return false;
  // 区委 is a place's committee, never a short form of 区卫生健康委员会.
  if (PLACE_LEVEL.test(short) || /^[省市区县州镇乡](委|政府|人民政府)$/.test(short)) return false;
  // 东港区人民政府 is not 东港区西岭镇人民政府: the bodies of two places.
  const placeOf = (name: string) =>
    /^(\p{Script=Han}+?[省市区县州镇乡])(委|人民政府|政府)$/u.exec(name)?.[1];
  if (placeOf(short) && placeOf(full) && placeOf(short) !== placeOf(full)) return false;
  // 赣东学院 of 赣东学院继续教育学院 is the parent, not a short form.
  const rest = full.slice(short.length);
  if (
    full.startsWith(short) &&
    ORG_SUFFIXES.some((s) => short.endsWith(s)) &&
    !/^(股份|集团|有限|责任|公司)+$/.test(rest)
  )
    return false;
  const endings = SHORT_ENDINGS.find(([pattern]) => pattern.test(full))?.[1];
  // Without a suffix rule: the name without its legal ending (华锐机器人 of 华锐机器人有限公司).
  if (!endings) {
    if (!/(有限公司|股份有限公司|有限责任公司|公司)$/.test(full)) return false;
    const named = full.replace(/(股份有限公司|有限责任公司|有限公司)$/, '');
    // 东岸科技公司 of 东岸科技股份有限公司: the name with a bare 公司 for its legal ending.
    if (named !== full && (short === `${named}公司` || (short === named && short.length >= 3)))
      return true;
    // 华建研究院 of 华建科学研究院有限公司: the short form of the name without its legal ending.
    if (named !== full && SHORT_ENDINGS.some(([p]) => p.test(named)) && abbreviates(short, named))
      return true;
    // 检测中心 of 东信检测中心有限公司: the unit without its brand and its legal ending.
    if (
      short.length >= 3 &&
      named.length > short.length + 1 &&
      named.endsWith(short) &&
      /(中心|研究院|研究所|实验室)$/.test(short) &&
      hasProperName(named.slice(0, -short.length))
    )
      return true;
    if (!full.startsWith(short) || short.length < 3) return false;
    // 建研地基 of 建研地基基础工程有限责任公司: the brand and the first word of its trade.
    if (short.length >= 4 && named.length - short.length >= 2 && hasProperName(short.slice(0, 2)))
      return true;
    const words = cutWords(full);
    let at = 0;
    for (const w of words) {
      at += w.length;
      if (at === short.length) return true;
      if (at > short.length) return false;
    }
    return false;
  }
  if (!endings.some((e) => short.endsWith(e))) return companyShortForm(short, full);
  // Every character in order, the first at the start of one of the full name's words.
  const words = cutWords(full);
  const starts = new Set<number>();
  let at = 0;
  for (const w of words) {
    starts.add(at);
    at += w.length;
  }
  // 港中大 of 香港中文大学: 香港 and 澳门 shorten to their second character.
  if (/^(香港|澳门)/.test(full)) starts.add(1);
  const first = short[0] as string;
  for (const start of starts) {
    if (full[start] !== first) continue;
    let j = start;
    let ok = true;
    for (const ch of short) {
      j = full.indexOf(ch, j);
      if (j === -1) {
        ok = false;
        break;
      }
      j += 1;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * A group's short form without 集团 (东方电气 of 东方电气集团有限公司, 中冶 of 中国冶金科工集团
 * 有限公司): its brand as written, cut at a word's end, or an abbreviation jieba itself reads
 * as one (中冶/j), every character in order in the brand.
 */
function companyShortForm(short: string, full: string): boolean {
  if (!/集团(股份|有限|责任|公司)*$/.test(full)) return false;
  const brand = full.replace(/集团(股份|有限|责任|公司)*$/, '');
  if (brand === short) return true;
  if (brand.length < short.length) return false;
  if (short.length >= 3 && brand.startsWith(short)) {
    let at = 0;
    for (const w of cutWords(brand)) {
      at += w.length;
      if (at === short.length) return true;
      if (at > short.length) break;
    }
  }
  const words = tagWords(short);
  if (words.length !== 1 || !/^(j|nz|x)$/.test(words[0]?.tag ?? '') || short[0] !== brand[0])
    return false;
  let j = 0;
  for (const ch of short) {
    j = brand.indexOf(ch, j);
    if (j === -1) return false;
    j += 1;
  }
  return true;
}

/** Words that end a name's left edge when written as a word of their own. */
const EDGE_WORDS = new Set([
  ...ORG_LEFT_BOUNDARIES,
  '给予',
  '介绍',
  '共建',
  '加快',
  '推动',
  '打造',
  '成立',
  '设立',
  '表示',
  '指出',
  '希望',
  '感谢',
  '助力',
  '对接',
  '融入',
  '落实',
  '贯彻',
  '牵头',
  '组织',
  '邀请',
  '陪同',
  '考察',
  '调研',
  '走访',
  '赴',
  '到',
  '至',
  // 出席观礼的有南海大学: 有 lists who came; it is no part of a name.
  '有',
  '与会',
  '了',
  '中',
  '上',
  // 及其子公司东信科技: the word that says what the next body is, not part of its name.
  '子公司',
  '全资子公司',
  '分公司',
  '母公司',
]);
/** Tags of words that never belong to a name: prepositions, conjunctions, particles, ... */
const EDGE_TAGS = new Set([
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uv',
  'uz',
  'ug',
  'ud',
  'd',
  'r',
  'm',
  'q',
  'y',
  'e',
  'o',
]);

const wordCache = new Map<string, Word[]>();
/** The words of a span of the view, with offsets into the view. */
export function wordsOf(view: string, [start, end]: Span): Word[] {
  const key = `${start}:${end}:${view.length}`;
  let words = wordCache.get(key);
  if (!words || words.map((w) => w.word).join('') !== view.slice(start, end)) {
    words = tagWords(view.slice(start, end)).map((w) => ({ ...w, start: w.start + start }));
    wordCache.set(key, words);
  }
  return words;
}

const isEdge = (w: Word) =>
  PUNCT.test(w.word[0] as string) || EDGE_WORDS.has(w.word) || EDGE_TAGS.has(w.tag);

/** Whether words[k] stands at a real boundary: the start, or punctuation or an edge word before it. */
function startsName(words: Word[], k: number): boolean {
  const prev = words[k - 1];
  if (!prev) return true;
  // 仪式上中化学…: after a locative that closes a phrase, too.
  return isEdge(prev) || (prev.tag === 'f' && prev.word.length === 1);
}

/**
 * 其中冶赛迪集团, 同中冶…: jieba glues the name's first character to the linking word before
 * it (其中, 同中). When the word that stops the scan is a boundary word plus one character, and
 * that character with what follows reads as a word of its own (中冶), the name begins there.
 */
function gluedStart(view: string, w: Word, edge: number): number {
  if (w.word.length < 2 || w.start + w.word.length !== edge) return edge;
  const head = w.word.slice(0, -1);
  if (!(EDGE_WORDS.has(head) || /^[其从同与和及]$/.test(head))) return edge;
  const [first] = tagWords(view.slice(edge - 1, Math.min(view.length, edge + 8)));
  return first && first.word.length >= 2 && !EDGE_TAGS.has(first.tag) ? edge - 1 : edge;
}

/** Where a name whose suffix begins at `suffixStart` begins: words are read leftwards to an edge. */
export function leftEdge(view: string, words: Word[], suffixStart: number, limit: number): number {
  let k = words.findIndex((w) => w.start <= suffixStart && w.start + w.word.length > suffixStart);
  if (k === -1) return suffixStart;
  let edge = (words[k] as Word).start;
  if (edge < limit) return suffixStart;
  for (k -= 1; k >= 0; k--) {
    const w = words[k] as Word;
    if (w.start < limit) break;
    if (w.word === ')') {
      // 中国(上海)自由贸易试验区: a bracketed place inside a name, text on both sides.
      const open = view.lastIndexOf('(', w.start);
      if (open > limit && w.start - open <= 5 && !PUNCT.test(view[open - 1] ?? ' ')) {
        while (k > 0 && (words[k] as Word).start > open) k--;
        edge = open;
        continue;
      }
      break;
    }
    // 与中化学集团: a lone 中 or 上 right after a linking word begins the name (中化学), as it
    // does not after a noun (仪式上, 会议中).
    if (/^[中上]$/.test(w.word) && startsName(words, k)) {
      edge = w.start;
      break;
    }
    if (PUNCT.test(w.word[0] as string) || EDGE_WORDS.has(w.word)) {
      edge = gluedStart(view, w, edge);
      break;
    }
    // 中铁十一局集团: a numeral between words of the name belongs to it.
    if (w.tag === 'm' && /^[一二三四五六七八九十百]+$/.test(w.word) && k > 0) {
      const prev = words[k - 1] as Word;
      if (prev.start >= limit && !isEdge(prev)) {
        edge = w.start;
        continue;
      }
    }
    if (EDGE_TAGS.has(w.tag)) {
      edge = gluedStart(view, w, edge);
      // 襄阳市第一人民医院: an ordinal belongs to the name.
      if (/^第[一二三四五六七八九十\d]+$/.test(w.word)) {
        edge = w.start;
        continue;
      }
      // 香港都会大学: single characters jieba reads as words of their own, after a place.
      let j = k;
      while (j >= 0 && j > k - 2 && (words[j] as Word).word.length === 1) j--;
      const place = words[j];
      if (j < k && place?.tag === 'ns' && place.start >= limit && w.word.length === 1) {
        edge = place.start;
        k = j;
        continue;
      }
      break;
    }
    if (suffixStart - w.start > 30) break;
    // 成员包括东海大学, 携手南湖大学: a verb before a proper name ends the name's left side.
    if (w.tag === 'v' && w.word.length >= 2 && /^(ns|nz|nt|j|nrt)$/.test(words[k + 1]?.tag ?? ''))
      break;
    // 同中化学集团, 活动由北州市政府: a linking word glued to the name's first characters by
    // jieba (同中/x, 由北州/x), a word it does not know.
    if (w.tag === 'x' && w.word.length >= 2 && /^[与和同及由在向对为从把被]/.test(w.word)) {
      edge = w.start + 1;
      break;
    }
    // 国际长及相关学院: the linking word glued to the title before it (长及/x) ends the name;
    // so does a preposition glued to a name before it (王宏对西南大学: 王宏对/x).
    if (w.tag === 'x' && w.word.length >= 2 && /[与和同及对向把被]$/.test(w.word)) break;
    edge = w.start;
  }
  return edge;
}

/** Whether a name holds a proper name (a place, a brand: 中科, 华锐) rather than only common words. */
export function hasProperName(name: string): boolean {
  return tagWords(name).some((w) => /^(ns|nz|nt|nr|nrt|j|x|eng)$/.test(w.tag));
}

/**
 * 环境科学与工程学院, 材料科学与工程系: a unit named by two disciplines joined by 与 or 和.
 * When the name read so far is only common words after 与, the nouns before 与 (back to a
 * boundary, a body's name or a title) are its first discipline.
 */
function disciplinesBefore(view: string, words: Word[], left: number, limit: number): number {
  if (
    !/[与和]/.test(view[left - 1] ?? '') ||
    !/(学院|系|研究所|研究院|研究中心|实验室|委员会|局|厅|部)/.test(view.slice(left, left + 12))
  )
    return left;
  let k = words.findIndex((w) => w.start + w.word.length === left - 1);
  let edge = left;
  for (; k >= 0; k--) {
    const w = words[k] as Word;
    if (w.start < limit || !/^(n|vn|nz)$/.test(w.tag) || left - 1 - w.start > 6) break;
    if (ORG_SUFFIXES.some((s) => w.word.endsWith(s)) || /^(我|本|该)/.test(w.word)) break;
    edge = w.start;
  }
  if (edge >= left - 1) return left;
  const first = view.slice(edge, left - 1);
  if (hasProperName(first) || new RegExp(TITLE.source).test(first)) return left;
  // The run must begin at a boundary, or right after the name of the body it is a unit of
  // (南湖大学材料科学与工程学院); after other words (东北地理与…) it is no name of its own.
  const before = words[k];
  if (
    !before ||
    before.start < limit ||
    isEdge(before) ||
    /^(学校|我校|本校|该校)$/.test(before.word)
  )
    return edge;
  if (
    /(大学|大學|学院|研究院|科学院)$/.test(before.word) &&
    !/^(学校|我校|本校|该校)$/.test(before.word)
  )
    return leftEdge(view, words, before.start + before.word.length - 2, limit);
  return left;
}

/** Whether `at` lies inside 《...》, the marks around a document's title. */
function insideTitleMarks(view: string, at: number): boolean {
  const open = view.lastIndexOf('《', at);
  return open !== -1 && view.lastIndexOf('》', at) < open && view.indexOf('》', at) !== -1;
}

/** Every organisation name written in `span` of the view, the longest reading at each start. */
export function scanOrganisationNames(
  view: string,
  [start, end]: Span,
): { span: Span; name: string }[] {
  const words = wordsOf(view, [start, end]);
  const found: { span: Span; name: string }[] = [];
  for (let i = start; i < end; i++) {
    const suffix = ORG_SUFFIXES.find((s) => view.startsWith(s, i) && i + s.length <= end);
    if (!suffix) continue;
    const after = view[i + suffix.length] ?? '';
    // 局长, 校长, 院长: a title, not the end of a name.
    if (after === '长') continue;
    // 共建联合创新研究院协议: a word of an agreement's title.
    if (/^(协议|合同|备忘录|意向书|共建合同|共建协议)/.test(view.slice(i + suffix.length)))
      continue;
    if (insideTitleMarks(view, i)) continue;
    let left = leftEdge(view, words, i, start);
    left = disciplinesBefore(view, words, left, start);
    // 顾军代表区政府: what represents is no part of the name.
    const represents = view.slice(left, i).lastIndexOf('代表');
    if (represents >= 0) left += represents + 2;
    if (left >= i) continue;
    const name = view.slice(left, i + suffix.length);
    // 注册公司: a verb and its object, not a name.
    const first = words.find((w) => w.start === left);
    if (first && first.tag === 'v' && first.word.length >= 2) continue;
    if ((suffix.length === 1 || suffix === '中心') && name.length < 3) continue;
    if (NOT_ORGANISATIONS.test(name)) continue;
    found.push({ span: [left, i + suffix.length], name });
  }
  // 教育部, 外交部: a ministry is named by its word alone.
  for (const m of view.slice(start, end).matchAll(MINISTRIES)) {
    const at = start + m.index;
    if (
      at > start &&
      !boundaryBefore(view, at) &&
      !isEdge(words.find((w) => w.start + w.word.length === at) ?? (words[0] as Word))
    )
      continue;
    found.push({ span: [at, at + m[0].length], name: m[0] });
  }
  // 中国科学院东北地理与农业生态研究所: a name without a proper name of its own (农业生态研究所)
  // after 与, that 与 preceded by a name and nouns, is the end of one longer name.
  found.sort((a, b) => a.span[0] - b.span[0]);
  for (let k = found.length - 1; k > 0; k--) {
    const g = found[k] as (typeof found)[number];
    const f = found.findLast((x) => x.span[1] < g.span[0] - 1);
    if (!f || !/[与和]/.test(view[g.span[0] - 1] as string)) continue;
    const middle = view.slice(f.span[1], g.span[0] - 1);
    if (!/^\p{Script=Han}{1,6}$/u.test(middle) || hasProperName(g.name)) continue;
    TITLE.lastIndex = 0;
    const words = tagWords(middle);
    if (words.some((w) => !/^(n|ns|nz)$/.test(w.tag)) || new RegExp(TITLE.source).test(middle))
      continue;
    found.push({ span: [f.span[0], g.span[1]], name: view.slice(f.span[0], g.span[1]) });
  }
  const longest = new Map<number, { span: Span; name: string }>();
  for (const f of found) {
    const seen = longest.get(f.span[0]);
    if (!seen || f.span[1] > seen.span[1]) longest.set(f.span[0], f);
  }
  const kept = [...longest.values()];
  return kept
    .filter((f) => !kept.some((g) => g !== f && g.span[0] <= f.span[0] && g.span[1] >= f.span[1]))
    .sort((a, b) => a.span[0] - b.span[0]);
}

const NUMBER = '[一二三四五六七八九十百零〇\\d]';
/** A corps' division written before the city it administers: 三师 of 三师图木舒克市. */
const DIVISION_PREFIX = `第?${NUMBER}{1,3}师`;
/** Where such a division may begin: not inside a number (十三师) nor after 第. */
const AFTER_DIVISION = `(?<![第${NUMBER.slice(1, -1)}])(?=${DIVISION_PREFIX})`;
/**
 * A corps' division and regiment: 兵团第五师八十团, 第七师, 十四师二二四团 (numbers, then 师 or 团);
 * not 第一师范 (a normal school) nor 二师兄, nor the division before its city's name (三师图木舒克市
 * is the city).
 */
const CORPS_UNIT = new RegExp(
  `(?:新疆生产建设兵团|兵团)?(?:第?${NUMBER}{1,3}师(?![范傅生资兄姐弟妹德])(?![^与和同及、,。;:\\s]{1,5}市))(?:${NUMBER}{1,4}团)?|(?<=^|[,。;:、\\s]|兵团|与|和|同)${NUMBER}{2,4}团`,
  'gu',
);

/** A place's body without the place: 市政府, 县委, 区人民政府. */
export const BARE_PLACE_BODY = /^(省|市|区|县|州|镇)(委|人民政府|政府)$/;

/** Party committees and governments of places: 朝阳区委, 青州市人民政府, 朝阳区政府. */
const PLACE_BODY = /(\p{Script=Han}{0,8}?(?:省|市|区|县|州|镇))(委(?!员|会)|人民政府|政府)/gu;

/**
 * The start of a one-character place name right before a level (道县人民政府): a lone word that
 * is no function word, after punctuation, a linking word or a higher place (湖南省道县).
 */
function oneCharPlace(words: Word[], levelAt: number, limit: number): number | undefined {
  const k = words.findIndex((w) => w.start === levelAt - 1);
  const w = words[k];
  if (w?.word.length !== 1 || w.start < limit || !/^\p{Script=Han}$/u.test(w.word)) return;
  // The end of a body or place before it (朝阳区委区政府: 委), never a place of its own.
  if (/^(委|府|会|局|厅|部|院|省|市|区|县|州|镇)$/.test(w.word)) return;
  if (/^(v|vn|a|ad|d|p|c|u.*|r|m|x|f|b)$/.test(w.tag)) return;
  // 原县委书记, 经县政府, 市县政府: a word that qualifies the body or another level, no place.
  if (/^[原前新老全各本该我经据由市省区州县乡镇村副正总现时首后]$/.test(w.word)) return;
  const before = words[k - 1];
  if (w.start > limit && before && !/^(x|p|c|ns)$/.test(before.tag)) return;
  return w.start;
}

/** Whether view[start, end) reads as a place: its words hold a place name (ns) and no verb. */
function isPlace(view: string, words: Word[], start: number, end: number): boolean {
  const inside = words.filter((w) => w.start >= start && w.start < end);
  if (inside.length === 0) return false;
  if (inside.some((w) => /^(v|vn|a|ad|d|p|c|u.*|r|m|q)$/.test(w.tag))) return false;
  // 副区长顾军代表区: a title, a name or 代表 is no part of a place.
  if (/代表/.test(view.slice(start, end)) || new RegExp(TITLE.source).test(view.slice(start, end)))
    return false;
  return end - start >= 3 && /^\p{Script=Han}+$/u.test(view.slice(start, end));
}

/** The organisations of an article and every place their names are written. */
export class Organisations {
  readonly all: Organisation[] = [];
  readonly mentions: OrgMention[] = [];
  private readonly byName = new Map<string, Organisation>();

  /** The organisation a name or short form stands for, if the text has given it. */
  find(name: string): Organisation | undefined {
    return this.byName.get(name);
  }

  /** Registers a body under its name (or finds it), with the evidence of where. */
  add(name: string, span: Span, original: string, confidence: number): Organisation {
    const known = this.byName.get(name);
    if (known) return known;
    const org: Organisation = {
      name: original,
      aliases: [],
      kind: kindOf(name),
      span,
      confidence,
      sameAs: [],
      aliasSpans: new Map(),
    };
    const place = /^(.+?(?:省|市|区|县|州|镇))(委|人民政府|政府)$/.exec(name);
    if (place) org.place = place[1];
    this.all.push(org);
    this.byName.set(name, org);
    return org;
  }

  /** Drops a body read in error (a unit's name read whole), and every name it was under. */
  remove(org: Organisation) {
    const index = this.all.indexOf(org);
    if (index >= 0) this.all.splice(index, 1);
    for (const [name, o] of this.byName) if (o === org) this.byName.delete(name);
  }

  alias(org: Organisation, name: string, original: string, span: Span) {
    const other = this.byName.get(name);
    if (other && other !== org) return;
    this.byName.set(name, org);
    if (original !== org.name && !org.aliases.includes(original)) {
      org.aliases.push(original);
      org.aliasSpans.set(original, span);
    }
  }

  mention(org: Organisation, span: Span, how: OrgMention['how']) {
    if (this.mentions.some((m) => m.span[0] === span[0] && m.span[1] === span[1])) return;
    this.mentions.push({ org, span, how });
  }

  /** The mention that starts at `at`, if any. */
  mentionAt(at: number): OrgMention | undefined {
    return this.mentions.find((m) => m.span[0] === at);
  }

  /** Mentions inside a span, in order. */
  mentionsIn([start, end]: Span): OrgMention[] {
    return this.mentions
      .filter((m) => m.span[0] >= start && m.span[1] <= end)
      .sort((a, b) => a.span[0] - b.span[0]);
  }

  /**
   * The government of a place: the body the text names, else one under `P政府` (or
   * `P人民政府` when the text writes 县人民政府 after naming the county).
   */
  governmentOf(place: string, span: Span, body = '政府'): Organisation {
    const named = this.all.find((o) => o.kind === 'government' && o.place === place);
    if (named) return named;
    // 南湖大学与市政府签约…临江市市长: the bare 市政府 the text wrote is that city's, one body
    // (named by its place as 岚县政府 is; a bare 市政府 is no alias, it would match any city's).
    const bare = this.all.filter(
      (o) =>
        !o.place &&
        BARE_PLACE_BODY.test(o.name) &&
        o.name.startsWith(place.slice(-1)) &&
        !o.name.endsWith('委'),
    );
    if (bare.length === 1) {
      const org = bare[0] as Organisation;
      org.name = `${place}${org.name.slice(1)}`;
      org.place = place;
      this.byName.set(org.name, org);
      return org;
    }
    const org = this.add(`${place}${body}`, span, `${place}${body}`, 0.7);
    org.kind = 'government';
    org.place = place;
    return org;
  }

  /** The party committee of a place: `P委` (朝阳区委), or as written (岚县县委). */
  partyCommitteeOf(place: string, span: Span, written = `${place}委`): Organisation {
    const named = this.all.find((o) => o.kind === 'party-committee' && o.place === place);
    if (named) return named;
    const org = this.add(written, span, written, 0.7);
    org.kind = 'party-committee';
    org.place = place;
    return org;
  }
}

/** Finds the organisations of the view's spans: full names, bracketed names, short forms. */
export function findOrganisations(text: string, view: string, spans: Span[]): Organisations {
  const orgs = new Organisations();
  const names = spans.flatMap((span) => scanOrganisationNames(view, span));

  // Bodies of places first: 朝阳区委 is a party committee, not a name ending in 委.
  // 筠连县举行…仪式 at the head of the article: its 县委 and 县政府 are that county's.
  let lastPlace: Record<string, string> = {};
  for (const span of spans.slice(0, 3)) {
    const lead =
      /^(?:\d{1,2}月\d{1,2}日[上下]?午?,?)?(\p{Script=Han}{2,5}?[省市区县])(?=举行|召开|\d{4}年)/u.exec(
        view.slice(...span),
      );
    const place = lead?.[1];
    const at = span[0] + (lead?.[0].length ?? 0) - (place?.length ?? 0);
    if (place && isPlace(view, wordsOf(view, span), at, at + place.length)) {
      lastPlace[place.slice(-1)] ??= place;
    }
  }
  // 在临江市举行, 在南湖区签署: the one place of its level the event is held in.
  const held = new Set(
    [...view.matchAll(/在(\p{Script=Han}{2,5}?[市区县])(?=举行|签署|签订|召开|举办)/gu)].map(
      (m) => m[1] as string,
    ),
  );
  for (const level of ['市', '区', '县']) {
    const places = [...held].filter((p) => p.endsWith(level) && !/^(我|本|该)/.test(p));
    if (places.length === 1) lastPlace[level] ??= places[0] as string;
  }
  // 来源:普陀区地方志办公室 in the page's header: a district's own page, whose bare 区委 and
  // 区政府 are that district's.
  const publisher = /来源[::]\s*(\p{Script=Han}{2,4}?[市区县])(?=\p{Script=Han})/u.exec(
    view.slice(0, Math.min(view.length, (spans[0]?.[0] ?? 0) + 300)),
  );
  const own = publisher?.[1];
  if (
    own &&
    publisher &&
    isPlace(
      view,
      wordsOf(view, [publisher.index, publisher.index + publisher[0].length]),
      publisher.index + publisher[0].length - own.length,
      publisher.index + publisher[0].length,
    )
  ) {
    lastPlace[own.slice(-1)] ??= own;
  }
  for (const span of spans) {
    const words = wordsOf(view, span);
    const part = view.slice(span[0], span[1]);
    for (const m of part.matchAll(PLACE_BODY)) {
      const levelAt = span[0] + m.index + (m[1] as string).length - 1;
      const level = view[levelAt] as string;
      const bodyAt = levelAt + 1;
      const end = span[0] + m.index + m[0].length;
      let at = leftEdge(view, words, levelAt, span[0]);
      if (at === levelAt && levelAt > span[0]) at = leftEdge(view, words, levelAt - 1, span[0]);
      let place = view.slice(at, bodyAt);
      // 岚县县委: a county named by one character and its level; the second 县 begins the body.
      if (place.length >= 3 && place.at(-2) === level) place = place.slice(0, -1);
      if (/委|政府/.test(place.slice(0, -1))) {
        at = levelAt;
        place = level;
      }
      // 与道县人民政府: a county named by one character that is also a common word (道, 岚, 沙)
      // is still its place when the text writes it right before the level.
      // 道县县委 as 岚县县委: the second 县 begins the body.
      const doubled = view[levelAt - 1] === level;
      const single = oneCharPlace(words, doubled ? levelAt - 1 : levelAt, span[0]);
      if (single !== undefined && at >= single) {
        at = single;
        place = view.slice(at, doubled ? levelAt : bodyAt);
      }
      if (place === level || at >= levelAt) {
        // 区政府 after 朝阳区委: the government of the same place.
        const known = lastPlace[level];
        if (!known) continue;
        place = known;
        at = levelAt;
      } else if (single === undefined && !isPlace(view, words, at, bodyAt)) {
        // 常务副县长陈春代表县人民政府: not a place; the bare 县人民政府 at its end may be.
        const known = lastPlace[level];
        if (!known || view[levelAt - 1] === '副' || view[bodyAt] === '长') continue;
        place = known;
        at = levelAt;
      }
      lastPlace = { ...lastPlace, [level]: place };
      const body = m[2] as string;
      const written = text.slice(at, end);
      const key = view.slice(at, end);
      let org =
        body === '委'
          ? orgs.partyCommitteeOf(place, [at, end], at < levelAt ? written : undefined)
          : orgs.find(key);
      if (!org && at < levelAt) {
        org = orgs.all.find((o) => o.kind === 'government' && o.place === place);
        if (!org) {
          org = orgs.add(key, [at, end], written, 0.9);
          org.kind = 'government';
          org.place = place;
        }
      }
      org ??= orgs.governmentOf(place, [at, end], body);
      // A bare 区委 or 区政府 names no place of its own: no alias for it.
      if (at < levelAt) orgs.alias(org, key, written, [at, end]);
      orgs.mention(org, [at, end], 'place-body');
    }
  }

  // Full names, in order; a name announced in brackets right after is a short form.
  for (const { span, name } of names) {
    // 临川市政府投资促进局: a bureau under the government, named after it.
    const under = orgs.mentions.find(
      (m) => m.how === 'place-body' && m.span[0] === span[0] && m.span[1] < span[1],
    );
    if (under) orgs.mentions.splice(orgs.mentions.indexOf(under), 1);
    if (orgs.mentions.some((m) => m.span[0] < span[1] && m.span[1] > span[0])) continue;
    // 市政府副秘书长, with no place the text gives: no body the draft can name; the title is
    // listed as unplaced. (A bare 区政府 that signs stays a party, for the reviewer to name.)
    TITLE.lastIndex = span[1];
    if (BARE_PLACE_BODY.test(name) && TITLE.exec(view)?.index === span[1]) continue;
    const written = text.slice(span[0], span[1]);
    const org = orgs.find(name) ?? orgs.add(name, span, written, 0.9);
    if (
      org.name.length < written.length &&
      orgs.find(name) === org &&
      name.length > org.name.length
    ) {
      org.name = written;
    }
    orgs.mention(org, span, 'name');
  }

  const keyOf = (o: Organisation) => view.slice(o.span[0], o.span[1]);
  // 兵团第五师八十团, 第七师: a corps' division or regiment, named by its numbers.
  for (const span of spans) {
    for (const m of view.slice(...span).matchAll(CORPS_UNIT)) {
      const at = span[0] + m.index;
      const end = at + m[0].length;
      if (orgs.mentions.some((o) => o.span[0] < end && o.span[1] > at)) continue;
      // 第五师 after 兵团第五师: one division.
      const bare = (name: string) => name.replace(/^(新疆生产建设兵团|兵团)/, '');
      const same = orgs.all.find((o) => bare(keyOf(o)) === bare(m[0]));
      const org = same ?? orgs.add(m[0], [at, end], text.slice(at, end), 0.85);
      if (same) orgs.alias(same, m[0], text.slice(at, end), [at, end]);
      orgs.mention(org, [at, end], 'name');
    }
  }

  // 中科院, 工研院, 东科院: an institute named by its abbreviation alone (one word jieba reads
  // as an abbreviation or does not know, two characters then 院), at a boundary.
  for (const span of spans) {
    for (const w of wordsOf(view, span)) {
      if (!/^\p{Script=Han}{2}院$/u.test(w.word) || !/^(j|x|nt|nz)$/.test(w.tag)) continue;
      if (/^[我本该此全各学医法]/.test(w.word)) continue;
      const at = w.start;
      const end = at + w.word.length;
      if (at > span[0] && !boundaryBefore(view, at)) continue;
      if (!boundaryAfter(view, end)) continue;
      if (orgs.mentions.some((o) => o.span[0] < end && o.span[1] > at)) continue;
      const org = orgs.find(w.word) ?? orgs.add(w.word, [at, end], text.slice(at, end), 0.8);
      orgs.mention(org, [at, end], 'name');
    }
  }

  // Announced short forms: X(以下简称“Y”), X(下称「Y」), X(简称Y); bracketed second names.
  const ANNOUNCED = /^\((?:以下简称|以下称|下称|简称)[::]?“?([^”)]{2,20})”?\)/;
  for (const m of [...orgs.mentions]) {
    const rest = view.slice(m.span[1], m.span[1] + 30);
    const announced = ANNOUNCED.exec(rest);
    if (announced) {
      const short = announced[1] as string;
      const at = m.span[1] + rest.indexOf(short);
      orgs.alias(m.org, short, text.slice(at, at + short.length), [at, at + short.length]);
      continue;
    }
    if (rest.startsWith('(')) {
      const inner = orgs.mentions.find((n) => n.span[0] === m.span[1] + 1);
      if (inner && view[inner.span[1]] === ')' && inner.org !== m.org) {
        if (
          abbreviates(view.slice(inner.span[0], inner.span[1]), view.slice(m.span[0], m.span[1]))
        ) {
          continue;
        }
        if (!m.org.sameAs.includes(inner.org) && !inner.org.sameAs.includes(m.org))
          inner.org.sameAs.push(m.org);
      }
    }
  }

  // 华建研究院检测中心总经理: a body named, then the short form of another (检测中心 of 华建检测
  // 中心有限公司) read as one name: the second body, a unit of the first.
  for (const unit of [...orgs.all]) {
    const key = keyOf(unit);
    const head = orgs.all.find(
      (o) => o !== unit && keyOf(o).length >= 3 && key.startsWith(keyOf(o)) && !o.place,
    );
    const rest = head ? key.slice(keyOf(head).length) : '';
    if (!head || rest.length < 3) continue;
    const named = orgs.all.filter(
      (o) => o !== unit && o !== head && o.name.length >= 4 && abbreviates(rest, keyOf(o)),
    );
    if (named.length !== 1) continue;
    const body = named[0] as Organisation;
    orgs.remove(unit);
    body.parent ??= head;
    for (const m of orgs.mentions.filter((n) => n.org === unit)) {
      m.org = body;
      m.span = [m.span[0] + keyOf(head).length, m.span[1]];
      m.how = 'abbreviation';
      body.parentSpan ??= [m.span[0] - keyOf(head).length, m.span[1]];
      orgs.alias(body, rest, text.slice(...m.span), m.span);
    }
  }

  // Abbreviations: a name that shortens exactly one full name is another name of it.
  const fulls = orgs.all.filter((o) => o.name.length >= 4);
  for (const org of [...orgs.all]) {
    const key = view.slice(org.span[0], org.span[1]);
    const candidates = fulls.filter(
      (f) => f !== org && abbreviates(key, view.slice(f.span[0], f.span[1])),
    );
    // 检测中心 of 建研检测中心 and of 建研检测中心有限公司: one body, the first a short form too.
    const longer = candidates.filter(
      (f) => !candidates.some((g) => g !== f && abbreviates(keyOf(f), keyOf(g))),
    );
    if (longer.length === 1 && org.aliases.length === 0 && org.sameAs.length === 0) {
      const full = longer[0] as Organisation;
      merge(orgs, org, full, view);
    }
  }
  // 中葡论坛常设秘书处 of 中葡论坛(澳门)常设秘书处: the name without its bracketed place.
  for (const org of [...orgs.all]) {
    const key = view.slice(org.span[0], org.span[1]);
    const full = orgs.all.find(
      (f) =>
        f !== org &&
        /\(/.test(f.name) &&
        view.slice(f.span[0], f.span[1]).replace(/\([^)]*\)/g, '') === key,
    );
    if (full) merge(orgs, org, full, view);
  }
  // Short forms not ending in a suffix (华锐机器人, 江城城投 announced elsewhere): look for every
  // known short form and every abbreviation bounded by punctuation or linking words (of the
  // bodies left after the merges above).
  const live = fulls.filter((f) => orgs.all.includes(f));
  for (const span of spans) {
    for (let i = span[0]; i < span[1]; i++) {
      if (i > span[0] && !boundaryBefore(view, i)) continue;
      if (orgs.mentions.some((m) => m.span[0] <= i && m.span[1] > i)) continue;
      for (let len = Math.min(12, span[1] - i); len >= 2; len--) {
        const short = view.slice(i, i + len);
        if (!/^\p{Script=Han}+$/u.test(short)) continue;
        if (!boundaryAfter(view, i + len)) continue;
        const known = orgs.find(short);
        const candidates = known
          ? [known]
          : live.filter((f) => abbreviates(short, view.slice(f.span[0], f.span[1])));
        if (candidates.length !== 1) continue;
        const org = candidates[0] as Organisation;
        const written = text.slice(i, i + len);
        if (!known) orgs.alias(org, short, written, [i, i + len]);
        orgs.mention(org, [i, i + len], known ? 'alias' : 'abbreviation');
        i += len - 1;
        break;
      }
    }
  }
  // 东湖大学校务委员会专职副主任: a council of the university named inside a title; the
  // university is a body of the article even where the text writes it only there.
  for (const org of [...orgs.all]) {
    const unit = /^(.{2,12}?(?:大学|大學))(?:校务委员会|校務委員會|学术委员会|學術委員會)$/.exec(
      org.name,
    );
    const university = unit?.[1];
    if (university) org.parent = orgs.add(university, org.span, university, 0.8);
  }
  // 岚县县委、县政府 in the body, 岚县人民政府 in the headline: the government drafted under a
  // name made from its place (岚县政府, never written) is the one the text names.
  for (const org of [...orgs.all]) {
    if (!org.place || org.name !== `${org.place}政府` || view.includes(foldText(org.name)))
      continue;
    const named = orgs.find(`${org.place}人民政府`);
    if (!named || named === org) continue;
    named.kind = 'government';
    named.place = org.place;
    for (const m of orgs.mentions) if (m.org === org) m.org = named;
    for (const a of org.aliases)
      orgs.alias(named, foldText(a), a, org.aliasSpans.get(a) ?? org.span);
    orgs.remove(org);
  }
  // 临江县委、县政府…临江县人民政府: a government first met bare was drafted under a name made
  // from its place (临江县政府); once the text writes its name, that name is the one kept.
  for (const org of orgs.all) {
    if (!org.place || view.includes(foldText(org.name))) continue;
    const written = org.aliases.find((a) => foldText(a).startsWith(org.place as string));
    if (!written) continue;
    org.aliases.splice(org.aliases.indexOf(written), 1);
    org.span = org.aliasSpans.get(written) ?? org.span;
    org.aliasSpans.delete(written);
    org.name = written;
  }
  findPlaceParties(view, spans, orgs);
  findUnsuffixedParties(text, view, spans, orgs);
  findSelfMentions(text, view, spans, orgs);
  // 拜会了11个中央部委和机构,包括A、B、C等: each body listed was visited.
  for (const span of spans) {
    const part = view.slice(...span);
    for (const m of part.matchAll(
      /(?:拜会|拜访|走访|会见)了?[^,。;]{0,16}?(?:机构|部委|单位|部门)\s*,?\s*包括([^。;]+?)等/g,
    )) {
      const from = span[0] + m.index + m[0].length - (m[1] as string).length - 1;
      const listed = orgs.mentionsIn([from, span[0] + m.index + m[0].length]);
      for (const x of listed) x.org.visited = true;
    }
  }
  // Subsidiaries: X下属Y, X旗下Y, X所属Y.
  for (const m of orgs.mentions) {
    const link = /^(下属|旗下|所属|及其(全资)?子公司|的(全资)?子公司)(的)?/.exec(
      view.slice(m.span[1], m.span[1] + 8),
    );
    if (!link) continue;
    const child = orgs.mentionAt(m.span[1] + link[0].length);
    if (child && child.org !== m.org) {
      child.org.parent = m.org;
      child.org.parentSpan = [m.span[0], child.span[1]];
    }
  }
  // A body whose name begins with another's full name belongs to it: 东海大学海洋工程学院.
  for (const org of orgs.all) {
    if (org.parent) continue;
    const parent = orgs.all.find(
      (o) =>
        o !== org &&
        o.name.length >= 4 &&
        org.name.startsWith(o.name) &&
        org.name.length > o.name.length + 1 &&
        o.kind !== 'government' &&
        o.kind !== 'party-committee',
    );
    if (parent) org.parent = parent;
  }
  orgs.mentions.sort((a, b) => a.span[0] - b.span[0]);
  return orgs;
}

/** `short` was registered as a body of its own; it is another name of `full`. */
export function merge(orgs: Organisations, short: Organisation, full: Organisation, view: string) {
  const index = orgs.all.indexOf(short);
  if (index >= 0) orgs.all.splice(index, 1);
  const shortKey = view.slice(short.span[0], short.span[1]);
  orgs.alias(full, shortKey, short.name, short.span);
  // alias() refuses a name registered to another body: re-point it.
  (orgs as unknown as { byName: Map<string, Organisation> }).byName.set(shortKey, full);
  if (!full.aliases.includes(short.name)) {
    full.aliases.push(short.name);
    full.aliasSpans.set(short.name, short.span);
  }
  for (const m of orgs.mentions) {
    if (m.org === short) {
      m.org = full;
      m.how = 'abbreviation';
    }
  }
  for (const o of orgs.all) {
    o.sameAs = o.sameAs.map((s) => (s === short ? full : s));
    if (o.parent === short) o.parent = full;
  }
}

const RIGHT_WORDS = [
  '与',
  '和',
  '同',
  '及',
  '代表',
  '签署',
  '签订',
  '签约',
  '的',
  '将',
  '在',
  '为',
  '对',
  '是',
  '作为',
  '下属',
  '旗下',
  '共同',
  '双方',
  '三方',
  '合作',
  '举行',
  '表示',
  '党委',
  '党组',
  '董事',
];

function boundaryBefore(view: string, i: number): boolean {
  const ch = view[i - 1] as string;
  if (PUNCT.test(ch)) return true;
  const before = view.slice(Math.max(0, i - 4), i);
  return ORG_LEFT_BOUNDARIES.some((w) => before.endsWith(w));
}

function boundaryAfter(view: string, i: number): boolean {
  const ch = view[i] ?? '';
  if (ch === '' || PUNCT.test(ch)) return true;
  if (RIGHT_WORDS.some((w) => view.startsWith(w, i))) return true;
  TITLE.lastIndex = i;
  if (TITLE.test(view)) return true;
  // 中科院李大明院长: a name written before its title (Taiwan usage) follows the body.
  if (!SURNAMES.has(ch)) return false;
  return [2, 3].some((n) => {
    TITLE.lastIndex = i + n;
    return /^\p{Script=Han}+$/u.test(view.slice(i, i + n)) && TITLE.test(view);
  });
}

/** Where a party may begin and end: the start, punctuation, or a linking word. */
const PARTY_BEFORE = '(?<=^|[,。;:、\\s(“]|与|和|同|由|代表)';
const PARTY_AFTER = '(?=与|和|同|、|签署|签订|签约|簽|代表)';

/**
 * A place named bare as a party (孙吴县与斗门区签署…, 龙湾与我县签订…) stands for its
 * government: the body the text names for it, else one named by the place itself. A bare
 * place elsewhere (在北京签署) is only a place.
 */
function findPlaceParties(view: string, spans: Span[], orgs: Organisations) {
  const known = new Set(orgs.all.flatMap((o) => (o.place ? [o.place] : [])));
  // 七师临川市与…: a city named with the corps' division that administers it; the division
  // marks where its name begins, after any word (…期间七师临川市与).
  const bare = new RegExp(
    `(?:${PARTY_BEFORE}|${AFTER_DIVISION})((?:${DIVISION_PREFIX})?)(\\p{Script=Han}{1,6}?(?:省|市|区|县))${PARTY_AFTER}`,
    'gu',
  );
  for (const span of spans) {
    const words = wordsOf(view, span);
    const part = view.slice(...span);
    for (const m of part.matchAll(bare)) {
      const division = m[1] as string;
      const at = span[0] + m.index + division.length;
      const place = m[2] as string;
      // After a division, a city's short form may be one character (三师图市 of 图木舒克市).
      if (division ? !place.endsWith('市') : place.length < 3) continue;
      // The segmenter may read division and city as one word: the place is checked with it.
      if (
        !isPlace(view, words, at - division.length, at + place.length) ||
        /^(我|本|该|两|各)/.test(place)
      )
        continue;
      known.add(division + place);
    }
  }
  // A place's name without its level (龙湾 of 龙湾区), when that place is named in full.
  const stems = new Map(
    [...known].filter((p) => p.length >= 3).map((p) => [p.slice(0, -1), p] as const),
  );
  const names = [...known, ...stems.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const any = new RegExp(
    `(?:${PARTY_BEFORE}|${AFTER_DIVISION}(?=${DIVISION_PREFIX}))(${escaped.join('|')})${PARTY_AFTER}`,
    'gu',
  );
  for (const span of spans) {
    const part = view.slice(...span);
    for (const m of part.matchAll(any)) {
      const at = span[0] + m.index;
      const written = m[1] as string;
      const end = at + written.length;
      if (orgs.mentions.some((x) => x.span[0] < end && x.span[1] > at)) continue;
      const place = stems.get(written) ?? written;
      let org = orgs.all.find((o) => o.kind === 'government' && o.place === place);
      if (!org) {
        org = orgs.add(place, [at, end], place, 0.8);
        org.kind = 'government';
        org.place = place;
      }
      orgs.alias(org, written, written, [at, end]);
      orgs.mention(org, [at, end], 'place-body');
    }
  }
}

/**
 * The words a page uses for its own body, or for the body the article is about: 我校, 本校,
 * 学校 (as a subject: 学校与…, 代表学校), 我所, 我院, 我县 ... Each stands for the one body of its
 * kind the text names (the one university; the one institute whose name ends in 所; the
 * government of the one county named). Where the text names none, a university or institute
 * is drafted under the word itself and flagged `unnamed`, for the reviewer to name; where it
 * names several, the word is left alone.
 */
const SELF =
  /(?:我|本)(?:校|所|院|县|市|区|省)|(?<=^|[,。;:、\s(“]|与|和|同|由|代表)学校(?=与|和|同|、|党委|校长|副校长|签|举行)/g;

/** 集团 alone before a title (集团党委书记, 集团董事长): the group the page is about. */
const SELF_GROUP =
  /(?<=^|[,。;:、\s(“]|与|和|同|由|代表)集团(?=党委|党组|纪委|董事|监事|总经理|副总经理|总工程师|总会计师|总法律顾问|工会)/g;

function findSelfMentions(text: string, view: string, spans: Span[], orgs: Organisations) {
  const resolved = new Map<string, Organisation | undefined>();
  const resolve = (word: string, span: Span): Organisation | undefined => {
    const level = word === '学校' ? '校' : (word[1] as string);
    if (resolved.has(level)) return resolved.get(level);
    let org: Organisation | undefined;
    // 一流研究所, 示范性学校: a description, not a name; only a named body can be the self.
    const named = orgs.all.filter((o) => !o.unnamed && hasProperName(o.name));
    if (level === '校') {
      // 我校与东湖大学签约: a university the page sets beside itself is its partner, not itself.
      const joined = (at: number) => /[与和同、]/.test(view[at] ?? '');
      const partners = new Set(
        orgs.mentions
          .filter(
            (m) =>
              (m.span[0] === span[1] + 1 && joined(span[1])) ||
              (m.span[1] === span[0] - 1 && joined(m.span[1])),
          )
          .map((m) => m.org),
      );
      let found = named.filter((o) => o.kind === 'university' && !o.parent && !partners.has(o));
      if (found.length === 0) {
        // 东海中医药大学附属医院 and 我校: the university a unit's name begins with.
        const heads = new Set(
          named.flatMap((o) => /^(.{2,12}?(?:大学|大學))(?=.)/.exec(o.name)?.slice(1) ?? []),
        );
        // 来源:东海中医药大学新闻网, a header naming the page's publisher.
        const publisher =
          /(?:^|\n|来源[::]\s*)(\p{Script=Han}{2,12}?(?:大学|大學))(?:新闻网|新聞網|新闻中心|新聞中心|官网|党委宣传部|宣传部)/u.exec(
            view.slice(0, Math.max(0, (spans[0]?.[0] ?? 0) + 300)),
          );
        if (heads.size === 0 && publisher) {
          const at = publisher.index + publisher[0].indexOf(publisher[1] as string);
          const written = text.slice(at, at + (publisher[1] as string).length);
          const university = orgs.add(
            publisher[1] as string,
            [at, at + written.length],
            written,
            0.8,
          );
          university.kind = 'university';
          found = [university];
        } else if (heads.size === 1) {
          const head = [...heads][0] as string;
          const unit = named.find((o) => o.name.startsWith(head)) as Organisation;
          const university = orgs.add(foldText(head), unit.span, head, 0.8);
          university.kind = 'university';
          unit.parent ??= university;
          found = [university];
        }
      }
      org = found.length === 1 ? found[0] : undefined;
      if (found.length === 0) org = unnamedBody(orgs, word, span, 'university');
    } else if (level === '所' || level === '院') {
      const found = named.filter((o) => o.name.endsWith(level));
      org = found.length === 1 ? found[0] : undefined;
      if (found.length === 0 && level === '所')
        org = unnamedBody(orgs, word, span, 'research-institute');
    } else {
      const places = [
        ...new Set(named.flatMap((o) => (o.place?.endsWith(level) ? [o.place] : []))),
      ];
      if (places.length === 1) org = orgs.governmentOf(places[0] as string, span);
    }
    resolved.set(level, org);
    return org;
  };
  // 集团党委书记、董事长X on a page about A集团: the group the article names first.
  const group = orgs.mentions
    .filter((m) => /集团/.test(m.org.name))
    .sort((a, b) => a.span[0] - b.span[0])[0]?.org;
  for (const span of group ? spans : []) {
    const part = view.slice(...span);
    for (const m of part.matchAll(SELF_GROUP)) {
      const at = span[0] + m.index;
      if (orgs.mentions.some((x) => x.span[0] < at + 2 && x.span[1] > at)) continue;
      orgs.mention(group as Organisation, [at, at + 2], 'self');
    }
  }
  for (const span of spans) {
    const part = view.slice(...span);
    for (const m of part.matchAll(SELF)) {
      const at = span[0] + m.index;
      const end = at + m[0].length;
      if (orgs.mentions.some((x) => x.span[0] < end && x.span[1] > at)) continue;
      const org = resolve(m[0], [at, end]);
      if (org) orgs.mention(org, [at, end], 'self');
    }
  }
}

function unnamedBody(orgs: Organisations, word: string, span: Span, kind: OrgKind): Organisation {
  const org = orgs.add(word, span, word, 0.3);
  org.kind = kind;
  org.unnamed = true;
  return org;
}

/**
 * A party written without an ending such as 公司 (中国交建与上海交大签署…): a proper name at the
 * head of a clause, joined by 与 or 和 to a body already known, in a clause that signs; or one
 * inside a run of parties (A集团与北岸地基、南川中心举行…签约仪式), set between a known body
 * and 、 or 与 before another, a company's short form the page never spells out.
 */
/** Whether `name` is written before a title (泓岩地基董事长) somewhere past `from`. */
function holdsTitle(view: string, name: string, from: number): boolean {
  for (let k = view.indexOf(name, from); k !== -1; k = view.indexOf(name, k + 1)) {
    TITLE.lastIndex = k + name.length;
    if (TITLE.test(view)) return true;
  }
  return false;
}

function findUnsuffixedParties(text: string, view: string, spans: Span[], orgs: Organisations) {
  const head = /(?<=^|[,。;:\s]|日|午)(\p{Script=Han}{2,6}?)(?=与|和)/gu;
  const inRun = /(?<=[与和、])(\p{Script=Han}{2,6}?)(?=[、与和]|举行)/gu;
  for (const span of spans) {
    const part = view.slice(...span);
    if (!/签署|签订|签约/.test(part)) continue;
    const found = [
      ...[...part.matchAll(head)].map((m) => ({ m, run: false })),
      ...[...part.matchAll(inRun)].map((m) => ({ m, run: true })),
    ];
    for (const { m, run } of found) {
      const at = span[0] + m.index;
      const name = m[1] as string;
      const end = at + name.length;
      if (orgs.mentions.some((x) => x.span[0] < end && x.span[1] > at)) continue;
      // In a run, known bodies on both sides: A与X、B.
      // In a run, known bodies on both sides (A与X、B), and X written before a title elsewhere.
      const flanked =
        (orgs.mentionAt(end + 1) || view.startsWith('举行', end)) &&
        orgs.mentions.some((x) => x.span[1] === at - 1) &&
        holdsTitle(view, name, end);
      if (run ? !flanked : !orgs.mentionAt(end + 1)) continue;
      if (/(省|市|区|县|州|镇|双方|三方)$/.test(name) || orgs.find(name)) continue;
      const words = tagWords(name);
      // Between two bodies, a name that ends in a common noun (地基, 中心) whatever jieba makes
      // of its proper part; elsewhere only proper names and nouns, no person's name.
      const named = run
        ? words.length >= 2 &&
          words.at(-1)?.tag === 'n' &&
          !words.some((w) => /^(v|p|c|u|d|r|m)/.test(w.tag))
        : words.every((w) => /^(ns|nz|nt|j|x|n|eng)$/.test(w.tag)) && hasProperName(name);
      if (!named) continue;
      const org = orgs.add(name, [at, end], text.slice(at, end), 0.7);
      orgs.mention(org, [at, end], 'name');
      // Its other mentions (中国交建总裁宋海良): a proper name, wherever it is written.
      for (const other of spans) {
        for (
          let k = view.indexOf(name, other[0]);
          k !== -1 && k < other[1];
          k = view.indexOf(name, k + 1)
        ) {
          if (!orgs.mentions.some((x) => x.span[0] < k + name.length && x.span[1] > k))
            orgs.mention(org, [k, k + name.length], 'alias');
        }
      }
    }
  }
}
