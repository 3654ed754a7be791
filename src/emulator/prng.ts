const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Byte offsets of the 32 hex digits inside the 36-character GUID text. */
const DIGIT_AT = [...Array(36).keys()].filter((i) => ![8, 13, 18, 23].includes(i));
/** Reused: building the text in a buffer gives one flat string instead of a rope of slices. */
const GUID_TEXT = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');

/**
 * A small deterministic generator (mulberry32). Streams are derived from a seed plus labels, so user
 * number 7 of seed 1 is the same whatever the tenant size.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one named stream of one seed (FNV-1a over the parts). */
  static of(...parts: (string | number)[]): Prng {
    let hash = 0x811c9dc5;
    for (const ch of parts.join('\u0000')) {
      hash ^= ch.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return new Prng(hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('pick needs a non-empty list, but got an empty one');
    return item;
  }

  /** A random (version 4 layout) GUID in lower case, as Graph writes ids. */
  guid(): string {
    for (let word = 0; word < 4; word++) {
      let bits = this.uint32();
      for (let nibble = 7; nibble >= 0; nibble--) {
        GUID_TEXT[DIGIT_AT[word * 8 + nibble] ?? 0] = HEX_DIGITS[bits & 0xf] ?? 0;
        bits >>>= 4;
      }
    }
    GUID_TEXT[14] = 0x34; // version 4
    GUID_TEXT[19] = HEX_DIGITS[8 + ((GUID_TEXT[19] ?? 0) % 4)] ?? 0; // RFC 4122 variant: 8, 9, a or b
    return GUID_TEXT.toString('latin1');
  }

  private uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}
