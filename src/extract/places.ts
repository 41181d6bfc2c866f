/**
 * Places and their hierarchy where the text gives it: the place a government or party
 * committee governs (朝阳区委 → 朝阳区), where an event was held (在青州市举行), a campus
 * (北京工业大学平乐园校区), and the areas listed within a place (辐射朝阳区南部的九龙山、十里河/西直河、
 * 百子湾、欢乐谷等周边地区: four areas of 朝阳区).
 */
import type { Span } from './article.ts';
import type { NewsEvent } from './events.ts';
import type { Region } from './findings.ts';
import type { Organisations } from './organisations.ts';
import { tagWords } from './segmenter.ts';
import type { Sentence } from './sentences.ts';

const LEVEL: Record<string, Region['kind']> = {
  省: 'province',
  市: 'city',
  区: 'district',
  县: 'district',
  州: 'city',
  镇: 'other',
};

export function findRegions(
  text: string,
  view: string,
  sentences: Sentence[],
  orgs: Organisations,
  events: NewsEvent[],
): Region[] {
  const regions: Region[] = [];
  const add = (key: string, span: Span, kind: Region['kind'], confidence: number) => {
    let region = regions.find((r) => r.key === key);
    if (!region) {
      region = { name: text.slice(...span), key, kind, span, aliases: [], confidence };
      regions.push(region);
    }
    return region;
  };
  for (const o of orgs.all) {
    if (!o.place) continue;
    const mention = orgs.mentions.find(
      (m) => m.org === o && view.startsWith(o.place as string, m.span[0]),
    );
    const at = mention?.span[0] ?? view.indexOf(o.place);
    if (at < 0) continue;
    add(o.place, [at, at + o.place.length], LEVEL[o.place.slice(-1)] ?? 'other', 0.8);
  }
  for (const e of events) {
    // 在县委举行, 在我县签署: a body or the page's own place, not a place the text names.
    if (!e.place || /^(我|本|该)|委|政府/.test(e.place)) continue;
    const at = text.indexOf(e.place, e.span[0] - 200 > 0 ? 0 : 0);
    add(
      view.slice(at, at + e.place.length),
      [at, at + e.place.length],
      LEVEL[e.place.slice(-1)] ?? 'other',
      0.7,
    );
  }
  for (const sentence of sentences) {
    const part = view.slice(...sentence.span);
    // Areas of a place: 朝阳区南部的九龙山、十里河/西直河、百子湾、欢乐谷(…)等周边地区.
    const areas =
      /(\p{Script=Han}{2,6}?(?:区|市|县))(?:[东南西北中]部)?的([\p{Script=Han}、/]+?)(?:\([^)]*\))?等(?:周边)?地区/u.exec(
        part,
      );
    if (areas) {
      const start = sentence.span[0] + areas.index;
      // 辐射朝阳区: the place is the run of place words at the end.
      const words = tagWords(areas[1] as string);
      let cut = words.length;
      while (cut > 0 && (words[cut - 1] as { tag: string }).tag === 'ns') cut--;
      const parentKey =
        words
          .slice(cut)
          .map((w) => w.word)
          .join('') || (areas[1] as string);
      const parentAt = start + part.slice(areas.index).indexOf(parentKey);
      const parent = add(
        parentKey,
        [parentAt, parentAt + parentKey.length],
        LEVEL[parentKey.slice(-1)] ?? 'other',
        0.8,
      );
      let at = start + (areas[0] as string).indexOf(areas[2] as string);
      for (const name of (areas[2] as string).split('、')) {
        const area = add(name, [at, at + name.length], 'area', 0.75);
        area.parent ??= parent;
        at += name.length + 1;
      }
    }
    // Campuses: 北京工业大学平乐园校区.
    for (const m of part.matchAll(/\p{Script=Han}{2,6}?校区/gu)) {
      const at = sentence.span[0] + m.index;
      const owner = orgs.mentions.find((o) => o.span[1] === at);
      if (!owner) continue;
      const campus = add(m[0], [at, at + m[0].length], 'campus', 0.75);
      const full = text.slice(owner.span[0], at + m[0].length);
      if (!campus.aliases.includes(full)) campus.aliases.push(full);
    }
  }
  return regions;
}
