/**
 * Name normalisation: the one rule by which names and aliases are matched. Case, full-width
 * and half-width forms (NFKC) and traditional/simplified Chinese variants (OpenCC) are
 * ignored, and runs of white space count as one space.
 */
import { Converter } from 'opencc-js';

const toSimplified = Converter({ from: 't', to: 'cn' });
const hongKongToSimplified = Converter({ from: 'hk', to: 'cn' });
const taiwanToSimplified = Converter({ from: 'tw', to: 'cn' });

/** The form under which a name is matched: 北京工業大學 and 北京工业大学 give the same key. */
export function nameKey(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // '|' delimits keys in the stored nameKeys string, so it never appears inside one.
  return toSimplified(hongKongToSimplified(taiwanToSimplified(folded)))
    .replaceAll('|', ' ')
    .trim();
}

/** The distinct keys of a set of names, in order. */
export function nameKeys(names: Iterable<string | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) if (name) keys.add(nameKey(name));
  return [...keys].filter((k) => k.length > 0);
}
