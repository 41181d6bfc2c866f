/**
 * Synthetic data for Accord's import format (docs/import-format.md): a realistic mix of
 * sources, regions, organisations, people, roles, initiatives, events and agreements, written
 * as NDJSON in dependency order.
 *
 *   node bench/generate.ts --entities N [--seed S] [--out FILE] [--format ndjson]
 *
 * The output is deterministic for a given seed and entity count, and it is streamed: memory
 * stays flat however many records are written. To get there, every entity is drawn from its
 * own PRNG stream (seeded from the seed, its type and its index), and names are a pure function
 * of the index: a keyed permutation of the index picks a combination of name parts, and a
 * number is appended only once the combinations run out. Names are therefore unique within a
 * type without remembering them, and any organisation's name can be recomputed to refer to it
 * by name. The one table kept is one person per organisation who holds a role there (4 bytes
 * per organisation), so that signatories sign for an organisation they work at.
 *
 * Names are unique within one file of any size (the 3M file's 600,000 organisations included),
 * not across files: files of two sizes give the same names to different ids, so a file imported
 * into a graph that holds another's is refused, its references by name being ambiguous there.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

export interface GenerateOptions {
  /** How many entities to generate in all (the per-type counts follow the mix below). */
  entities: number;
  seed: number;
}

export type GeneratedRecord = { type: RecordType } & Record<string, unknown>;

type RecordType =
  | 'source'
  | 'region'
  | 'organisation'
  | 'person'
  | 'role'
  | 'initiative'
  | 'event'
  | 'agreement';

type Ref = string | { name: string };

/** Share of the entities per type, in the order they are emitted. */
const MIX: readonly (readonly [RecordType, number])[] = [
  ['source', 0.02],
  ['region', 0.01],
  ['organisation', 0.2],
  ['person', 0.3],
  ['role', 0.25],
  ['initiative', 0.02],
  ['event', 0.08],
  ['agreement', 0.12],
];

const ID_PREFIX: Record<RecordType, string> = {
  source: 'src',
  region: 'region',
  organisation: 'org',
  person: 'person',
  role: 'role',
  initiative: 'initiative',
  event: 'event',
  agreement: 'agreement',
};

/** Share of organisation references written by name instead of by id. */
const NAME_REF_SHARE = 0.01;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32 streams seeded by a 32-bit hash of (seed, salt, index).

function fmix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function hash3(a: number, b: number, c: number): number {
  return fmix(fmix(fmix(a ^ 0x9e3779b9) ^ Math.imul(b, 0x27d4eb2f)) ^ Math.imul(c, 0x165667b1));
}

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  /** k distinct integers in [0, n) (k is clamped to n), in draw order. */
  distinct(n: number, k: number): number[] {
    const want = Math.min(k, n);
    const chosen: number[] = [];
    while (chosen.length < want) {
      const x = this.int(n);
      if (!chosen.includes(x)) chosen.push(x);
    }
    return chosen;
  }

  /** k distinct items of a list. */
  some<T>(list: readonly T[], k: number): T[] {
    return this.distinct(list.length, k).map((i) => list[i] as T);
  }
}

/**
 * A keyed bijection of [0, domain): a balanced Feistel network on the smallest even number of
 * bits that covers the domain, cycle-walked back into it.
 */
function permute(index: number, domain: number, key: number): number {
  if (domain <= 1) return 0;
  let bits = Math.max(2, Math.ceil(Math.log2(domain)));
  if (bits % 2) bits++;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  let x = index;
  do {
    let left = Math.floor(x / 2 ** half) & mask;
    let right = x & mask;
    for (let round = 0; round < 4; round++) {
      const f = hash3(key, round, right) & mask;
      const next = (left ^ f) & mask;
      left = right;
      right = next;
    }
    x = left * 2 ** half + right;
  } while (x >= domain);
  return x;
}

// ---------------------------------------------------------------------------------------------
// Dates: 2015-01-01 to 2025-12-31.

const DATES: readonly string[] = (() => {
  const dates: string[] = [];
  const end = Date.UTC(2025, 11, 31);
  for (let t = Date.UTC(2015, 0, 1); t <= end; t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
})();

const dateAt = (day: number) => DATES[Math.min(day, DATES.length - 1)] as string;

// ---------------------------------------------------------------------------------------------
// Names. A word is [Chinese, English, abbreviation used in short aliases].

type Word = readonly [zh: string, en: string, abbr?: string];

/** One slot of a name: `size` choices, the i-th of which `at(i)` gives. */
interface Part {
  readonly size: number;
  at(index: number): Word;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const fixed = (...words: Word[]): Part => ({
  size: words.length,
  at: (i) => words[i] as Word,
});

/**
 * Two characters of `chars` written together (东宁, Dongning); with `single`, one character
 * alone too; with `distinct`, never the same character twice.
 */
function pairs(chars: readonly Word[], { single = false, distinct = false } = {}): Part {
  const n = chars.length;
  const ones = single ? n : 0;
  const seconds = distinct ? n - 1 : n;
  return {
    size: ones + n * seconds,
    at(index) {
      if (index < ones) {
        const w = chars[index] as Word;
        return [w[0], capitalise(w[1])];
      }
      const j = index - ones;
      const first = j % n;
      let second = Math.floor(j / n);
      if (distinct && second >= first) second++;
      const a = chars[first] as Word;
      const b = chars[second] as Word;
      return [a[0] + b[0], capitalise(a[1]) + b[1]];
    },
  };
}

const split = (s: string): Word[] =>
  s
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [zh, en] = pair.split(':');
      return [zh as string, en as string];
    });

const PLACE_CHARS = split(`
  东:dong 南:nan 西:xi 北:bei 中:zhong 安:an 华:hua 江:jiang 山:shan 河:he 海:hai 湖:hu 宁:ning
  平:ping 新:xin 阳:yang 城:cheng 泉:quan 林:lin 州:zhou 丰:feng 云:yun 兴:xing 长:chang
  广:guang 昌:chang 庆:qing 德:de 福:fu 嘉:jia 金:jin 龙:long 明:ming 清:qing 瑞:rui 盛:sheng
  天:tian 通:tong 文:wen 武:wu 祥:xiang 永:yong 源:yuan 泰:tai 和:he 惠:hui 吉:ji 开:kai 乐:le
  临:lin 茂:mao 沙:sha 石:shi 松:song 桂:gui 汉:han 津:jin 滨:bin 营:ying 溪:xi 峰:feng 川:chuan
  丽:li 泽:ze 春:chun 秀:xiu 青:qing 白:bai 岳:yue 望:wang 顺:shun 康:kang 远:yuan 晋:jin 鹤:he
  阜:fu 邵:shao 衡:heng 荆:jing 襄:xiang 桐:tong 梧:wu 榆:yu 柳:liu 枣:zao 蓉:rong 湘:xiang
  赣:gan 闽:min 黔:qian 滇:dian 潭:tan 凤:feng 璧:bi
`);

const SURNAMES = split(`
  王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun
  马:ma 朱:zhu 胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song
  唐:tang 许:xu 韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 袁:yuan
  潘:pan 于:yu 蒋:jiang 蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lyu 丁:ding 任:ren
  沈:shen 姚:yao 卢:lu 姜:jiang 崔:cui 钟:zhong 谭:tan 陆:lu 汪:wang 范:fan 金:jin 石:shi
  廖:liao 贾:jia 夏:xia 韦:wei 付:fu 方:fang 白:bai 邹:zou 孟:meng 熊:xiong 秦:qin 邱:qiu
  江:jiang 尹:yin 薛:xue 闫:yan 段:duan 雷:lei 侯:hou 龙:long 史:shi 陶:tao 黎:li 贺:he 顾:gu
  毛:mao 郝:hao 龚:gong 邵:shao 万:wan 钱:qian 严:yan 覃:qin 武:wu 戴:dai 莫:mo 孔:kong
  向:xiang 汤:tang 聂:nie 乔:qiao 欧阳:ouyang 司马:sima 诸葛:zhuge 上官:shangguan
`);

const GIVEN_CHARS = split(`
  伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan
  杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 桂:gui 英:ying 华:hua
  建:jian 国:guo 志:zhi 海:hai 红:hong 文:wen 辉:hui 玉:yu 兰:lan 俊:jun 斌:bin 宇:yu 浩:hao
  凯:kai 鹏:peng 晓:xiao 婷:ting 雪:xue 琳:lin 晨:chen 欣:xin 佳:jia 博:bo 帆:fan 宁:ning
  东:dong 新:xin 立:li 永:yong 峰:feng 昊:hao 泽:ze 祚:zuo 仁:ren 飞:fei 树:shu 君:jun 福:fu
  栋:dong 潇:xiao 坤:kun 兵:bing 乙:yi 迟:chi 廷:ting 毅:yi 诚:cheng 思:si 睿:rui 嘉:jia
`);

const PLACE = pairs(PLACE_CHARS, { distinct: true });
const SURNAME: Part = {
  size: SURNAMES.length,
  at(i) {
    const w = SURNAMES[i] as Word;
    return [w[0], capitalise(w[1])];
  },
};
const GIVEN = pairs(GIVEN_CHARS, { single: true });

const THEMES: readonly Word[] = [
  ['人工智能', 'Artificial Intelligence'],
  ['数字经济', 'Digital Economy'],
  ['先进制造', 'Advanced Manufacturing'],
  ['绿色低碳', 'Green and Low-carbon'],
  ['生物医药', 'Biomedicine'],
  ['智慧城市', 'Smart City'],
  ['新能源汽车', 'New Energy Vehicle'],
  ['集成电路', 'Integrated Circuit'],
  ['文化旅游', 'Culture and Tourism'],
  ['现代农业', 'Modern Agriculture'],
  ['科技金融', 'Technology Finance'],
  ['国际合作', 'International Cooperation'],
  ['产教融合', 'Industry-Education Integration'],
  ['城市更新', 'Urban Renewal'],
  ['低空经济', 'Low-altitude Economy'],
  ['校地合作', 'University-Local Cooperation'],
];
const THEME = fixed(...THEMES);

interface Style {
  readonly kind: string;
  readonly weight: number;
  readonly parts: readonly Part[];
  readonly en: (en: readonly string[]) => string;
  /** A short Chinese form (北京工业大学 → 北工大), for aliases. */
  readonly short?: (words: readonly Word[]) => string;
}

/** Pieces of short forms: a word whole, its first character, its abbreviation. */
const whole = (w: Word | undefined) => w?.[0] ?? '';
const initial = (w: Word | undefined) => w?.[0].charAt(0) ?? '';
const abbr = (w: Word | undefined) => w?.[2] ?? w?.[0] ?? '';

interface Name {
  kind: string;
  name: string;
  nameEn: string;
  words: Word[];
  short: string | undefined;
}

/**
 * Unique names for `count` entities. The index is permuted into a space split into one
 * segment per style, sized by the style's weight (so the kinds come in those proportions);
 * within its segment it is permuted again and read as a combination of the style's parts, with
 * a number appended when the segment is larger than the combinations. Different indices give
 * different (segment, combination, number) and so different names, as long as the styles'
 * names cannot coincide (their last parts differ).
 */
class Namer {
  private readonly styles: readonly Style[];
  private readonly segments: number[] = [];
  private readonly spaces: number[] = [];
  private readonly total: number;
  private readonly key: number;

  constructor(styles: readonly Style[], count: number, key: number) {
    this.styles = styles;
    this.key = key;
    const weights = styles.reduce((sum, s) => sum + s.weight, 0);
    let total = 0;
    for (const style of styles) {
      const segment = Math.ceil((style.weight / weights) * count * 1.25) + 1;
      this.segments.push(segment);
      this.spaces.push(style.parts.reduce((n, p) => n * p.size, 1));
      total += segment;
    }
    this.total = total;
  }

  private locate(index: number): [style: number, offset: number] {
    let j = permute(index, this.total, this.key);
    for (let s = 0; s < this.segments.length; s++) {
      const segment = this.segments[s] as number;
      if (j < segment) return [s, j];
      j -= segment;
    }
    throw new Error('unreachable: index outside the name space');
  }

  kind(index: number): string {
    return (this.styles[this.locate(index)[0]] as Style).kind;
  }

  name(index: number): Name {
    const [s, offset] = this.locate(index);
    const style = this.styles[s] as Style;
    const space = this.spaces[s] as number;
    const domain = Math.max(space, this.segments[s] as number);
    const u = permute(offset, domain, hash3(this.key, s, 0x5eed));
    let rest = u % space;
    const words: Word[] = [];
    for (const part of style.parts) {
      words.push(part.at(rest % part.size));
      rest = Math.floor(rest / part.size);
    }
    const number = Math.floor(u / space);
    const suffix = number > 0 ? String(number + 1) : '';
    return {
      kind: style.kind,
      name: words.map((w) => w[0]).join('') + suffix,
      nameEn: style.en(words.map((w) => w[1])) + (suffix ? ` ${suffix}` : ''),
      words,
      short: style.short?.(words),
    };
  }
}

const ORG_STYLES: readonly Style[] = [
  {
    kind: 'university',
    weight: 15,
    parts: [
      PLACE,
      fixed(
        ['工业', 'Technology'],
        ['理工', 'Science and Technology'],
        ['师范', 'Normal'],
        ['医科', 'Medical'],
        ['农业', 'Agricultural'],
        ['财经', 'Finance and Economics'],
        ['交通', 'Jiaotong'],
        ['石油', 'Petroleum'],
        ['外国语', 'Foreign Studies'],
        ['建筑', 'Architecture'],
        ['信息工程', 'Information Engineering'],
        ['海洋', 'Ocean'],
      ),
      fixed(
        ['大学', 'University', '大'],
        ['学院', 'College', '院'],
        ['职业技术学院', 'Polytechnic', '职院'],
      ),
    ],
    en: ([place, root, suffix]) => `${place} ${root} ${suffix}`,
    short: ([p, r, s]) => initial(p) + initial(r) + abbr(s),
  },
  {
    kind: 'company',
    weight: 35,
    parts: [
      PLACE,
      fixed(
        ['控股', 'Holdings'],
        ['建设', 'Construction'],
        ['能源', 'Energy'],
        ['电子', 'Electronics'],
        ['信息', 'Information'],
        ['城投', 'Urban Investment'],
        ['交投', 'Transport Investment'],
        ['医药', 'Pharmaceutical'],
        ['新材料', 'New Materials'],
        ['智能', 'Intelligent'],
        ['环保', 'Environmental'],
        ['数字', 'Digital'],
        ['汽车', 'Automotive'],
        ['文旅', 'Culture and Tourism'],
        ['物流', 'Logistics'],
        ['半导体', 'Semiconductor'],
      ),
      fixed(
        ['集团有限公司', 'Group Co., Ltd.', '集团'],
        ['科技有限公司', 'Technology Co., Ltd.', '科技'],
        ['股份有限公司', 'Co., Ltd.', '股份'],
        ['发展有限公司', 'Development Co., Ltd.', '发展'],
      ),
    ],
    en: ([place, root, suffix]) => `${place} ${root} ${suffix}`,
    short: ([p, r, s]) => initial(p) + initial(r) + abbr(s),
  },
  {
    kind: 'government',
    weight: 12,
    parts: [
      PLACE,
      fixed(
        ['区人民政府', "District People's Government", '区政府'],
        ['市人民政府', "Municipal People's Government", '市政府'],
        ['县人民政府', "County People's Government", '县政府'],
        ['市科学技术局', 'Municipal Bureau of Science and Technology', '市科技局'],
        ['区发展和改革委员会', 'District Development and Reform Commission', '区发改委'],
        ['市教育委员会', 'Municipal Education Commission', '市教委'],
        ['区商务局', 'District Bureau of Commerce', '区商务局'],
        ['市经济和信息化局', 'Municipal Bureau of Economy and Information Technology', '市经信局'],
      ),
    ],
    en: ([place, root]) => `${place} ${root}`,
    short: ([p, r]) => whole(p) + abbr(r),
  },
  {
    kind: 'party-committee',
    weight: 6,
    parts: [
      fixed(['中共', '', '']),
      PLACE,
      fixed(
        ['市委员会', 'Municipal Committee of the CPC', '市委'],
        ['区委员会', 'District Committee of the CPC', '区委'],
        ['县委员会', 'County Committee of the CPC', '县委'],
        ['市委宣传部', 'Publicity Department of the Municipal Committee of the CPC', '市委宣传部'],
        [
          '区委组织部',
          'Organisation Department of the District Committee of the CPC',
          '区委组织部',
        ],
      ),
    ],
    en: ([, place, root]) => `${place} ${root}`,
    short: ([, p, r]) => whole(p) + abbr(r),
  },
  {
    kind: 'park-administration',
    weight: 8,
    parts: [
      PLACE,
      fixed(
        ['经济技术开发区', 'Economic and Technological Development Zone', '经开区'],
        ['高新技术产业开发区', 'High-tech Industrial Development Zone', '高新区'],
        ['科技园区', 'Science Park', '科技园'],
        ['产业园', 'Industrial Park', '产业园'],
        ['综合保税区', 'Comprehensive Bonded Zone', '综保区'],
      ),
      fixed(['管理委员会', 'Administrative Committee']),
    ],
    en: ([place, root, suffix]) => `${suffix} of ${place} ${root}`,
    short: ([p]) => `${whole(p)}管委会`,
  },
  {
    kind: 'research-institute',
    weight: 10,
    parts: [
      PLACE,
      fixed(
        ['人工智能', 'Artificial Intelligence'],
        ['先进制造', 'Advanced Manufacturing'],
        ['新能源', 'New Energy'],
        ['生物医药', 'Biomedicine'],
        ['材料', 'Materials'],
        ['集成电路', 'Integrated Circuits'],
        ['数字经济', 'Digital Economy'],
        ['产业技术', 'Industrial Technology'],
        ['量子信息', 'Quantum Information'],
      ),
      fixed(
        ['研究院', 'Research Institute', '院'],
        ['研究所', 'Institute', '所'],
        ['创新研究中心', 'Innovation Research Centre', '中心'],
      ),
    ],
    en: ([place, root, suffix]) => `${place} ${suffix} of ${root}`,
    short: ([p, r, s]) => initial(p) + initial(r) + abbr(s),
  },
  {
    kind: 'association',
    weight: 8,
    parts: [
      PLACE,
      fixed(
        ['企业家', 'Entrepreneurs'],
        ['科学技术', 'Science and Technology'],
        ['工商业', 'Industry and Commerce'],
        ['软件行业', 'Software Industry'],
        ['青年创业', 'Young Entrepreneurs'],
        ['人工智能产业', 'Artificial Intelligence Industry'],
      ),
      fixed(
        ['协会', 'Association', '协'],
        ['联合会', 'Federation', '联'],
        ['促进会', 'Promotion Association', '促'],
      ),
    ],
    en: ([place, root, suffix]) => `${place} ${root} ${suffix}`,
    short: ([p, r, s]) => whole(p) + initial(r) + abbr(s),
  },
  {
    kind: 'other',
    weight: 6,
    parts: [
      PLACE,
      fixed(
        ['会展', 'Convention and Exhibition'],
        ['创新创业', 'Innovation and Entrepreneurship'],
        ['技术转移', 'Technology Transfer'],
        ['人才发展', 'Talent Development'],
        ['体育', 'Sports'],
        ['大数据', 'Big Data'],
      ),
      fixed(
        ['中心', 'Centre', '中心'],
        ['服务中心', 'Service Centre', '中心'],
        ['基金会', 'Foundation', '基金会'],
      ),
    ],
    en: ([place, root, suffix]) => `${place} ${root} ${suffix}`,
  },
];

const PERSON_STYLES: readonly Style[] = [
  {
    kind: 'person',
    weight: 1,
    parts: [SURNAME, GIVEN],
    en: ([surname, given]) => `${surname} ${given}`,
  },
];

const COUNTRIES: readonly Word[] = [
  ['中国', 'China'],
  ['德国', 'Germany'],
  ['新加坡', 'Singapore'],
  ['法国', 'France'],
  ['日本', 'Japan'],
];

/** Region levels below the countries; each level's suffixes differ from every other level's. */
const REGION_LEVELS: readonly (readonly Style[])[] = [
  [
    {
      kind: 'province',
      weight: 7,
      parts: [PLACE, fixed(['省', 'Province'])],
      en: ([p, s]) => `${p} ${s}`,
    },
    { kind: 'municipality', weight: 3, parts: [PLACE, fixed(['市', ''])], en: ([p]) => `${p}` },
  ],
  [
    {
      kind: 'district',
      weight: 1,
      parts: [PLACE, fixed(['区', 'District'], ['新区', 'New Area'], ['县', 'County'])],
      en: ([p, s]) => `${p} ${s}`,
    },
  ],
  [
    {
      kind: 'area',
      weight: 5,
      parts: [
        PLACE,
        fixed(
          ['片区', 'Area'],
          ['园区', 'Park'],
          ['商务区', 'Business District'],
          ['科技城', 'Science City'],
        ),
      ],
      en: ([p, s]) => `${p} ${s}`,
    },
    {
      kind: 'subdistrict',
      weight: 3,
      parts: [PLACE, fixed(['街道', 'Subdistrict'])],
      en: ([p, s]) => `${p} ${s}`,
    },
    {
      kind: 'campus',
      weight: 1,
      parts: [PLACE, fixed(['校区', 'Campus'])],
      en: ([p, s]) => `${p} ${s}`,
    },
    {
      kind: 'site',
      weight: 1,
      parts: [PLACE, fixed(['产业基地', 'Industrial Base'], ['创新港', 'Innovation Harbour'])],
      en: ([p, s]) => `${p} ${s}`,
    },
  ],
];

const themed = (kind: string, weight: number, ...suffixes: Word[]): Style => ({
  kind,
  weight,
  parts: [PLACE, THEME, fixed(...suffixes)],
  en: ([place, theme, suffix]) => `${place} ${theme} ${suffix}`,
});

const SOURCE_STYLES: readonly Style[] = [
  themed(
    'news',
    1,
    ['合作签约仪式举行', 'Cooperation Signing Ceremony Held'],
    ['座谈会召开', 'Symposium Held'],
    ['项目集中签约', 'Projects Signed'],
    ['合作交流会举行', 'Exchange Meeting Held'],
    ['战略合作协议签署', 'Strategic Cooperation Agreement Signed'],
  ),
];

const INITIATIVE_STYLES: readonly Style[] = [
  themed(
    'zone',
    3,
    ['示范区', 'Demonstration Zone'],
    ['先行区', 'Pilot Zone'],
    ['集聚区', 'Cluster'],
  ),
  themed('programme', 3, ['行动计划', 'Action Plan'], ['专项计划', 'Special Programme']),
  themed('project', 2, ['建设项目', 'Construction Project'], ['合作项目', 'Cooperation Project']),
  themed('centre', 1, ['协同创新中心', 'Collaborative Innovation Centre']),
  themed('other', 1, ['产业联盟', 'Industry Alliance']),
];

const EVENT_STYLES: readonly Style[] = [
  themed(
    'signing-ceremony',
    50,
    ['合作签约仪式', 'Cooperation Signing Ceremony'],
    ['战略合作签约仪式', 'Strategic Cooperation Signing Ceremony'],
    ['项目签约仪式', 'Project Signing Ceremony'],
  ),
  themed('symposium', 22, ['座谈会', 'Symposium'], ['研讨会', 'Seminar']),
  themed(
    'meeting',
    22,
    ['工作会议', 'Working Meeting'],
    ['对接会', 'Matchmaking Meeting'],
    ['推进会', 'Progress Meeting'],
  ),
  themed('visit', 3, ['调研考察', 'Inspection Visit']),
  themed('conference', 3, ['发展大会', 'Development Conference'], ['高峰论坛', 'Summit Forum']),
];

const AGREEMENT_STYLES: readonly Style[] = [
  themed(
    'strategic-cooperation-agreement',
    30,
    ['战略合作协议', 'Strategic Cooperation Agreement'],
    ['全面战略合作协议', 'Comprehensive Strategic Cooperation Agreement'],
  ),
  themed('cooperation-agreement', 25, ['合作协议', 'Cooperation Agreement']),
  themed(
    'contract',
    10,
    ['项目合同', 'Project Contract'],
    ['技术服务合同', 'Technical Services Contract'],
  ),
  themed('memorandum-of-understanding', 10, ['合作备忘录', 'Memorandum of Understanding']),
  themed('framework-agreement', 15, ['合作框架协议', 'Cooperation Framework Agreement']),
  themed('letter-of-intent', 7, ['合作意向书', 'Letter of Intent']),
  themed('other', 3, ['共建协议', 'Co-construction Agreement']),
];

const TITLES: Record<string, readonly Word[]> = {
  university: [
    ['校长', 'President'],
    ['党委书记', 'Party Secretary'],
    ['副校长', 'Vice President'],
    ['党委副书记', 'Deputy Party Secretary'],
    ['党委常委', 'Member of the Standing Committee of the Party Committee'],
    ['院长', 'Dean'],
    ['教授', 'Professor'],
  ],
  company: [
    ['董事长', 'Chairman'],
    ['总经理', 'General Manager'],
    ['副总经理', 'Deputy General Manager'],
    ['党委书记', 'Party Secretary'],
    ['董事', 'Board Member'],
    ['总工程师', 'Chief Engineer'],
  ],
  government: [
    ['区长', 'District Mayor'],
    ['副区长', 'Deputy District Mayor'],
    ['市长', 'Mayor'],
    ['副市长', 'Vice Mayor'],
    ['局长', 'Director-General'],
    ['主任', 'Director'],
    ['副主任', 'Deputy Director'],
  ],
  'party-committee': [
    ['书记', 'Secretary'],
    ['副书记', 'Deputy Secretary'],
    ['常委', 'Standing Committee Member'],
    ['部长', 'Head of Department'],
  ],
  'park-administration': [
    ['主任', 'Director'],
    ['副主任', 'Deputy Director'],
    ['党工委书记', 'Secretary of the Party Working Committee'],
  ],
  'research-institute': [
    ['院长', 'President'],
    ['副院长', 'Vice President'],
    ['所长', 'Director'],
    ['首席科学家', 'Chief Scientist'],
  ],
  association: [
    ['会长', 'President'],
    ['副会长', 'Vice President'],
    ['秘书长', 'Secretary-General'],
  ],
  other: [
    ['主任', 'Director'],
    ['副主任', 'Deputy Director'],
    ['负责人', 'Head'],
  ],
};

const FOCUS = [
  '人工智能',
  '数字经济',
  '碳达峰碳中和',
  '人才培养',
  '科技成果转化',
  '科技创新',
  '产业升级',
  '城市更新',
  '智能制造',
  '绿色发展',
  '生命健康',
  '对外开放',
  '京津冀协同发展',
  '高端服务业',
  '新基建',
];

const PUBLISHERS = [
  '新华网',
  '人民网',
  '光明网',
  '中国新闻网',
  '科技日报',
  '经济日报',
  '中国教育报',
  '大学新闻中心',
  '区融媒体中心',
  '管委会办公室',
];

const CREDIT_ROLES = ['writing', 'photography', 'editing', 'review', 'translation', 'other'];

// ---------------------------------------------------------------------------------------------
// Counts.

/** Per-type counts: the mix applied to the total (largest remainders, so they add up to it). */
export function entityCounts(entities: number): Record<RecordType, number> {
  const exact = MIX.map(([type, share]) => [type, share * entities] as const);
  const counts = Object.fromEntries(exact.map(([t, x]) => [t, Math.floor(x)])) as Record<
    RecordType,
    number
  >;
  let left = entities - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [type] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left-- <= 0) break;
    counts[type]++;
  }
  if (entities > 0) {
    // Enough of the basics for every reference to have somewhere to point.
    counts.source = Math.max(counts.source, 1);
    counts.region = Math.max(counts.region, 1);
    counts.organisation = Math.max(counts.organisation, counts.agreement > 0 ? 2 : 1);
    counts.person = Math.max(counts.person, counts.event > 0 ? 1 : 0);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The generator.

const SALT = {
  source: 1,
  region: 2,
  organisation: 3,
  person: 4,
  role: 5,
  initiative: 6,
  event: 7,
  agreement: 8,
  eventDate: 9,
  names: 100,
} as const;

const idOf = (type: RecordType, index: number) => `${ID_PREFIX[type]}-${index + 1}`;

/** The records, synchronously, in dependency order. */
export function* records(options: GenerateOptions): Generator<GeneratedRecord> {
  const seed = options.seed >>> 0;
  const counts = entityCounts(Math.max(0, Math.floor(options.entities)));
  const rngFor = (salt: number, index: number) => new Rng(hash3(seed, salt, index));
  const namer = (styles: readonly Style[], count: number, salt: number) =>
    new Namer(styles, count, hash3(seed, SALT.names, salt));

  const orgNames = namer(ORG_STYLES, counts.organisation, SALT.organisation);
  const personNames = namer(PERSON_STYLES, counts.person, SALT.person);
  const eventNames = namer(EVENT_STYLES, counts.event, SALT.event);
  const eventDay = (e: number) => hash3(seed, SALT.eventDate, e) % DATES.length;
  const eventHasDate = (e: number) => hash3(seed, SALT.eventDate, ~e) % 10 !== 0;

  const sourcesOf = (r: Rng): string[] =>
    r
      .distinct(counts.source, r.chance(0.3) ? 2 : 1)
      .map((s) => idOf('source', s))
      .sort();
  const orgRef = (r: Rng, org: number): Ref =>
    r.chance(NAME_REF_SHARE) ? { name: orgNames.name(org).name } : idOf('organisation', org);
  const withEnglish = (r: Rng, record: GeneratedRecord, nameEn: string, share = 0.5) => {
    if (r.chance(share)) record.nameEn = nameEn;
  };

  // Sources.
  const sourceNames = namer(SOURCE_STYLES, counts.source, SALT.source);
  for (let i = 0; i < counts.source; i++) {
    const r = rngFor(SALT.source, i);
    const id = idOf('source', i);
    const { name, nameEn } = sourceNames.name(i);
    const day = r.int(DATES.length);
    const publishedOn = dateAt(day);
    const record: GeneratedRecord = { type: 'source', id, name };
    withEnglish(r, record, nameEn, 0.2);
    record.url = `https://news.example.cn/${publishedOn.slice(0, 4)}/${publishedOn.slice(5, 7)}${publishedOn.slice(8)}/${id}.html`;
    record.publisher = r.pick(PUBLISHERS);
    record.publishedOn = publishedOn;
    record.language = 'zh-CN';
    if (counts.person > 0 && r.chance(0.3)) {
      record.credits = r.distinct(counts.person, r.between(1, 3)).map((p) => ({
        person: idOf('person', p),
        role: r.pick(CREDIT_ROLES),
      }));
    }
    yield record;
  }

  // Regions: countries, then provinces and municipalities, districts, areas.
  const regions = counts.region;
  const levelSizes = [Math.min(regions, Math.max(1, Math.min(5, Math.round(regions / 500))))];
  for (const share of [0.06, 0.3]) {
    const used = levelSizes.reduce((a, b) => a + b, 0);
    levelSizes.push(Math.min(regions - used, Math.max(1, Math.round(regions * share))));
  }
  levelSizes.push(regions - levelSizes.reduce((a, b) => a + b, 0));
  const levelStart: number[] = [];
  levelSizes.reduce((start, size) => {
    levelStart.push(start);
    return start + size;
  }, 0);
  const regionNamers = REGION_LEVELS.map((styles, l) =>
    namer(styles, levelSizes[l + 1] as number, SALT.region * 10 + l),
  );
  for (let level = 0; level < levelSizes.length; level++) {
    const size = levelSizes[level] as number;
    const start = levelStart[level] as number;
    for (let k = 0; k < size; k++) {
      const i = start + k;
      const r = rngFor(SALT.region, i);
      let record: GeneratedRecord;
      if (level === 0) {
        const [name, nameEn] = COUNTRIES[k] as Word;
        record = { type: 'region', id: idOf('region', i), name, nameEn, kind: 'country' };
      } else {
        const { kind, name, nameEn } = (regionNamers[level - 1] as Namer).name(k);
        record = { type: 'region', id: idOf('region', i), name };
        withEnglish(r, record, nameEn);
        record.kind = kind;
        // The parent is a region of the level above (or, when that level is empty, any earlier).
        const above = levelSizes[level - 1] as number;
        const parent =
          above > 0 ? (levelStart[level - 1] as number) + r.int(above) : r.int(Math.max(1, i));
        if (parent < i) record.parent = idOf('region', parent);
      }
      record.sources = sourcesOf(r);
      yield record;
    }
  }
  // Organisations, events and initiatives sit mostly in the lower levels.
  const lowerStart = Math.min(levelStart[2] as number, Math.max(0, regions - 1));
  const someRegion = (r: Rng) =>
    r.chance(0.9) ? lowerStart + r.int(regions - lowerStart) : r.int(regions);

  // Organisations.
  for (let i = 0; i < counts.organisation; i++) {
    const r = rngFor(SALT.organisation, i);
    const { kind, name, nameEn, short } = orgNames.name(i);
    const record: GeneratedRecord = { type: 'organisation', id: idOf('organisation', i), name };
    withEnglish(r, record, nameEn);
    if (r.chance(0.3)) {
      const aliases: string[] = [];
      // A short form is at most five characters and every full name at least six, so a short
      // form never equals another organisation's name.
      if (short && short.length <= 5 && r.chance(0.8)) aliases.push(short);
      if (aliases.length === 0 || r.chance(0.3)) {
        const acronym = nameEn
          .split(/[\s,.-]+/)
          .filter((w) => /^[A-Z]/.test(w) && !['Co', 'Ltd', 'CPC'].includes(w))
          .map((w) => w.charAt(0))
          .join('');
        if (acronym.length >= 2 && acronym.length <= 5) aliases.push(acronym);
      }
      if (aliases.length > 0) record.aliases = aliases;
    }
    record.kind = kind;
    record.region = idOf('region', someRegion(r));
    if (i > 0 && r.chance(0.1)) record.parent = orgRef(r, r.int(i));
    if (i > 0 && r.chance(0.02)) record.sameAs = [orgRef(r, r.int(i))];
    record.sources = sourcesOf(r);
    yield record;
  }

  // People.
  for (let i = 0; i < counts.person; i++) {
    const r = rngFor(SALT.person, i);
    const { name, nameEn } = personNames.name(i);
    const record: GeneratedRecord = { type: 'person', id: idOf('person', i), name };
    withEnglish(r, record, nameEn);
    record.sources = sourcesOf(r);
    yield record;
  }

  // Roles: each person holds 0-3, drawn so that the total comes close to the target; the
  // person's titles are listed in rank order, sometimes two at the same organisation.
  const holder = new Int32Array(counts.organisation).fill(-1);
  let rolesLeft = counts.organisation > 0 ? counts.role : 0;
  let role = 0;
  for (let p = 0; p < counts.person && rolesLeft > 0; p++) {
    const r = rngFor(SALT.role, p);
    const mean = Math.min(3, rolesLeft / (counts.person - p));
    let k = 0;
    for (let t = 0; t < 3; t++) if (r.chance(mean / 3)) k++;
    k = Math.min(k, rolesLeft);
    rolesLeft -= k;
    let org = -1;
    const held: string[] = [];
    const personSources = sourcesOf(r);
    const statedOn = r.chance(0.3) ? dateAt(r.int(DATES.length)) : undefined;
    for (let rank = 0; rank < k; rank++) {
      if (org < 0 || !r.chance(0.35)) org = r.int(counts.organisation);
      const titles = TITLES[orgNames.kind(org)] ?? (TITLES.other as readonly Word[]);
      let title = r.pick(titles);
      for (let tries = 0; held.includes(`${org}/${title[0]}`) && tries < 10; tries++) {
        title = r.pick(titles);
      }
      if (held.includes(`${org}/${title[0]}`)) continue;
      held.push(`${org}/${title[0]}`);
      holder[org] = p;
      const record: GeneratedRecord = {
        type: 'role',
        id: idOf('role', role++),
        person: idOf('person', p),
        organisation: orgRef(r, org),
        title: title[0],
        titleEn: title[1],
      };
      let since = -1;
      if (r.chance(0.6)) {
        since = r.int(DATES.length);
        record.since = dateAt(since);
      }
      if (r.chance(0.2)) {
        record.until = dateAt(
          since >= 0 ? since + r.int(DATES.length - since) : r.int(DATES.length),
        );
      }
      if (statedOn) record.statedOn = statedOn;
      record.rank = rank;
      record.sources = personSources;
      yield record;
    }
  }

  // Initiatives.
  const initiativeNames = namer(INITIATIVE_STYLES, counts.initiative, SALT.initiative);
  for (let i = 0; i < counts.initiative; i++) {
    const r = rngFor(SALT.initiative, i);
    const { kind, name, nameEn, words } = initiativeNames.name(i);
    const record: GeneratedRecord = { type: 'initiative', id: idOf('initiative', i), name };
    withEnglish(r, record, nameEn);
    record.kind = kind;
    const focus = r.some(FOCUS, r.between(1, 4));
    if (r.chance(0.3)) {
      const theme = (words[1] as Word)[0];
      record.description = `聚焦${theme}，围绕${focus.join('、')}等方向开展合作，推动区域高质量发展。`;
    }
    record.focus = focus;
    record.regions = r.distinct(regions, r.between(1, 3)).map((g) => idOf('region', g));
    if (i > 0 && r.chance(0.2)) record.parent = idOf('initiative', r.int(i));
    record.sources = sourcesOf(r);
    yield record;
  }

  // Events.
  for (let i = 0; i < counts.event; i++) {
    const r = rngFor(SALT.event, i);
    const { kind, name, nameEn } = eventNames.name(i);
    const record: GeneratedRecord = { type: 'event', id: idOf('event', i), name };
    withEnglish(r, record, nameEn);
    record.kind = kind;
    if (eventHasDate(i)) record.date = dateAt(eventDay(i));
    if (r.chance(0.8)) record.place = idOf('region', someRegion(r));
    record.attendees = r.distinct(counts.person, r.between(3, 12)).map((p) => idOf('person', p));
    if (r.chance(0.4)) {
      const hosts: Ref[] = [];
      const persons = new Set<number>();
      const orgs = new Set<number>();
      for (let h = r.between(1, 2); h > 0; h--) {
        if (r.chance(0.5)) {
          const p = r.int(counts.person);
          if (!persons.has(p)) hosts.push(idOf('person', p));
          persons.add(p);
        } else {
          const o = r.int(counts.organisation);
          if (!orgs.has(o)) hosts.push(orgRef(r, o));
          orgs.add(o);
        }
      }
      record.hosts = hosts;
    }
    if (counts.initiative > 0 && r.chance(0.25)) {
      record.concerns = r
        .distinct(counts.initiative, r.between(1, 2))
        .map((n) => idOf('initiative', n));
    }
    record.sources = sourcesOf(r);
    yield record;
  }

  // Agreements.
  const agreementNames = namer(AGREEMENT_STYLES, counts.agreement, SALT.agreement);
  for (let i = 0; i < counts.agreement; i++) {
    const r = rngFor(SALT.agreement, i);
    const { kind, name, nameEn, words } = agreementNames.name(i);
    const record: GeneratedRecord = { type: 'agreement', id: idOf('agreement', i), name };
    withEnglish(r, record, nameEn);
    record.kind = kind;
    let event = -1;
    if (counts.event > 0 && r.chance(0.7)) {
      // Mostly signed at a signing ceremony.
      event = r.int(counts.event);
      for (let t = 0; t < 4 && eventNames.kind(event) !== 'signing-ceremony'; t++) {
        event = r.int(counts.event);
      }
    }
    if (event >= 0 && eventHasDate(event)) record.signedOn = dateAt(eventDay(event));
    else if (r.chance(0.85)) record.signedOn = dateAt(r.int(DATES.length));
    const partyIndices = r.distinct(counts.organisation, r.between(2, 4));
    const parties = partyIndices.map((o) => orgRef(r, o));
    if (r.chance(0.2)) {
      const theme = (words[1] as Word)[0];
      record.summary = `${parties.length}方将在${theme}等领域开展合作，建立常态化沟通机制。`;
    }
    record.parties = parties;
    if (counts.person > 0 && r.chance(0.4)) {
      // A signatory for each party, or for some; written as the party is written.
      const signing = partyIndices.filter((_, n) => n < 2 || r.chance(0.7));
      record.signatories = signing.map((o) => {
        const p = (holder[o] as number) >= 0 && r.chance(0.8) ? (holder[o] as number) : -1;
        const party = parties[partyIndices.indexOf(o)] as Ref;
        return {
          person: idOf('person', p >= 0 ? p : r.int(counts.person)),
          onBehalfOf: typeof party === 'string' ? party : { name: party.name },
        };
      });
    }
    if (counts.person > 0 && r.chance(0.25)) {
      record.witnesses = r.distinct(counts.person, r.between(1, 3)).map((p) => idOf('person', p));
    }
    if (event >= 0) record.event = idOf('event', event);
    if (counts.initiative > 0 && r.chance(0.3)) {
      record.initiatives = r
        .distinct(counts.initiative, r.between(1, 2))
        .map((n) => idOf('initiative', n));
    }
    record.sources = sourcesOf(r);
    yield record;
  }
}

/** The records in dependency order, as plain objects; deterministic for a given seed. */
export async function* generateRecords(options: GenerateOptions): AsyncGenerator<GeneratedRecord> {
  yield* records(options);
}

// ---------------------------------------------------------------------------------------------
// Command line.

const USAGE =
  'usage: node bench/generate.ts --entities N [--seed S] [--out FILE] [--format ndjson]';

function integer(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`${flag} is required\n${USAGE}`);
    return fallback;
  }
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', short: 'n' },
      seed: { type: 'string', short: 's' },
      out: { type: 'string', short: 'o' },
      format: { type: 'string', default: 'ndjson' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.format !== 'ndjson') throw new Error(`unsupported --format "${values.format}"`);
  const entities = integer(values.entities, '--entities');
  const seed = integer(values.seed, '--seed', 1);
  if (seed > 0xffffffff) throw new Error('--seed must be below 2^32');

  const toFile = values.out !== undefined && values.out !== '-';
  const out = toFile
    ? createWriteStream(values.out as string, { highWaterMark: 1 << 18 })
    : process.stdout;
  if (!toFile) {
    // A closed pipe (`| head`) ends the run quietly.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }

  const started = performance.now();
  const counts = new Map<string, number>();
  let total = 0;
  let chunk = '';
  for (const record of records({ entities, seed })) {
    chunk += `${JSON.stringify(record)}\n`;
    counts.set(record.type, (counts.get(record.type) ?? 0) + 1);
    total++;
    if (chunk.length >= 1 << 16) {
      const ok = out.write(chunk);
      chunk = '';
      if (!ok) await once(out, 'drain');
    }
  }
  if (chunk && !out.write(chunk)) await once(out, 'drain');
  if (toFile) {
    out.end();
    await once(out, 'finish');
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const perType = [...counts].map(([type, n]) => `${type} ${n}`).join(', ');
  process.stderr.write(
    `generated ${total} records (${perType}) in ${seconds}s, seed ${seed}${toFile ? ` → ${values.out}` : ''}\n`,
  );
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
