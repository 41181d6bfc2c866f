/**
 * Name keys fold traditional and Hong Kong/Taiwan variants to simplified Chinese as OpenCC's
 * three conversions do, also when a name skips them (src/names.ts `convertible`): one
 * character converted, a phrase converted whose characters alone are not (反覆 → 反复), a
 * compatibility ideograph, and names with nothing to convert.
 */
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/names.ts';

const t = Converter({ from: 't', to: 'cn' });
const hk = Converter({ from: 'hk', to: 'cn' });
const tw = Converter({ from: 'tw', to: 'cn' });
/** nameKey as it was written before the shortcut: every name through all three conversions. */
const converted = (name: string) =>
  t(hk(tw(name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim())))
    .replaceAll('|', ' ')
    .trim();

describe('nameKey', () => {
  it('is the three conversions of the folded name, whether or not it has anything to convert', () => {
    const names = [
      '北京工業大學',
      '國立臺灣大學',
      '香港中文大學',
      '一目瞭然',
      '反覆研究中心',
      '回覆',
      '土坏',
      '不瞭解 大學',
      '北京工业大学',
      '姜泽廷',
      '欧阳修',
      'Beijing University of Technology',
      'ＢＪＵＴ',
      '\uf900山', // a compatibility ideograph (NFKC folds it)
      '乾隆 | 嘉慶',
      '  𠀀 雲南 ',
    ];
    for (const name of names) expect(nameKey(name), name).toBe(converted(name));
    // And what it is for: traditional and simplified spellings share a key.
    expect(nameKey('反覆研究中心')).toBe(nameKey('反复研究中心'));
    expect(nameKey('一目瞭然')).toBe('一目了然');
  });
});
