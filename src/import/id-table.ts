/**
 * The ids an import's first pass has registered, with the kind and the position of the first
 * record of each: every reference by id is checked against them. Held in memory, exactly (the
 * id's UTF-8 bytes, compared on a hash match), but compactly: about 30 bytes an id in typed
 * arrays, where a Map of strings and objects took over 100 and SQLite's B-tree, larger than
 * its page cache at 1M records, cost a disk read for most look-ups (bench/README.md, "Import").
 */
import type { Kind } from '../model/kinds.ts';
import { KINDS } from '../model/kinds.ts';
import { hash } from './hash.ts';

export interface Registered {
  kind: Kind;
  /** The input's number (Resolver's files). */
  file: number;
  /** 0 for an invalid record's id (registered so that references to it add no error). */
  line: number;
}

const EMPTY = -1;

export class IdTable {
  /** Each id's UTF-8 bytes, one after another; id i is bytes ends[i - 1] to ends[i]. */
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private ends = new Uint32Array(1 << 14);
  private kinds = new Uint8Array(1 << 14);
  private files = new Uint16Array(1 << 14);
  private lines = new Uint32Array(1 << 14);
  private count = 0;
  /** Open addressing: an id's number, or EMPTY; at most half full. */
  private slots = new Int32Array(1 << 15).fill(EMPTY);

  get size(): number {
    return this.count;
  }

  get(id: string): Registered | undefined {
    const i = this.find(id, this.encode(id));
    return i === EMPTY ? undefined : this.at(i);
  }

  /** Registers `id` unless it is registered: then its first registration. */
  add(id: string, kind: Kind, file: number, line: number): Registered | undefined {
    const length = this.encode(id);
    const found = this.find(id, length);
    if (found !== EMPTY) return this.at(found);
    if (this.count === this.ends.length) this.growEntries();
    const i = this.count++;
    this.used += length;
    this.ends[i] = this.used;
    this.kinds[i] = KINDS.indexOf(kind);
    this.files[i] = file;
    this.lines[i] = line;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.slots[this.free(hash(id))] = i;
    return undefined;
  }

  /** The ids in the order they were registered, `size` at a time. */
  *pages(size: number): Generator<(Registered & { id: string })[]> {
    for (let first = 0; first < this.count; first += size) {
      const page: (Registered & { id: string })[] = [];
      for (let i = first; i < Math.min(first + size, this.count); i++) {
        const start = i === 0 ? 0 : (this.ends[i - 1] as number);
        page.push({ id: this.bytes.toString('utf8', start, this.ends[i]), ...this.at(i) });
      }
      yield page;
    }
  }

  private at(i: number): Registered {
    return {
      kind: KINDS[this.kinds[i] as number] as Kind,
      file: this.files[i] as number,
      line: this.lines[i] as number,
    };
  }

  /** Writes `id`'s bytes after the last id's (where it stays if it is added); their length. */
  private encode(id: string): number {
    const most = id.length * 3;
    if (this.used + most > this.bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(bytes, 0, 0, this.used);
      this.bytes = bytes;
    }
    return this.bytes.write(id, this.used, 'utf8');
  }

  /** The number of the id whose bytes were just encoded, or EMPTY. */
  private find(id: string, length: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash(id) & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s] as number;
      if (i === EMPTY) return EMPTY;
      const start = i === 0 ? 0 : (this.ends[i - 1] as number);
      const end = this.ends[i] as number;
      if (
        end - start === length &&
        this.bytes.compare(this.bytes, this.used, this.used + length, start, end) === 0
      )
        return i;
    }
  }

  private free(h: number): number {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    return s;
  }

  private growEntries(): void {
    const grow = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.ends = grow(this.ends);
    this.kinds = grow(this.kinds);
    this.files = grow(this.files);
    this.lines = grow(this.lines);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    for (let i = 0; i < this.count; i++) {
      const start = i === 0 ? 0 : (this.ends[i - 1] as number);
      this.slots[this.free(hash(this.bytes.toString('utf8', start, this.ends[i])))] = i;
    }
  }
}
