/**
 * FNV-1a over a string's UTF-16 code units: cheap and stable across runs, for spreading ids
 * over parallel writers (partition.ts) and over the id table's slots (id-table.ts).
 */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
