/**
 * A map that forgets the least recently used entries beyond a character budget. Twenty lines
 * instead of a dependency: the cache needs only get/set and a size measured in characters.
 */
export class TextLru {
  private readonly entries = new Map<string, string>();
  private size = 0;

  constructor(private readonly budget: number) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    const cost = key.length + value.length;
    if (cost > this.budget) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.size -= key.length + previous.length;
    }
    this.entries.set(key, value);
    this.size += cost;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldKey);
      this.size -= oldKey.length + oldValue.length;
    }
  }

  get count(): number {
    return this.entries.size;
  }
}
