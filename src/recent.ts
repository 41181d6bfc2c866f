/**
 * A bounded memory of recently used entries: an import meets the same names and places
 * again and again, but a file of millions of distinct ones must not be held whole. Two
 * generations of at most `size` each; when the young one is full it becomes the old one and
 * the old one is dropped (evicting one by one from a Map's front costs more than recomputing:
 * V8 walks the deleted entries each time). An entry found in the old generation moves to the
 * young one.
 */
export class Recent<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  get(key: string): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
