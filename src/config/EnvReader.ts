/**
 * Reads environment variables and collects every problem instead of stopping at the first,
 * each message naming the variable, what is accepted and what was given.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  choice<T extends string>(name: string, accepted: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((accepted as readonly string[]).includes(value)) return value as T;
    this.fail(name, accepted.map((a) => `\`${a}\``).join(', '), value);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    this.fail(name, `an integer from ${min} to ${max}`, value);
    return fallback;
  }

  list(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }

  fail(name: string, accepted: string, given: string): void {
    this.problems.push(`${name} must be ${accepted}, but got: ${JSON.stringify(given)}`);
  }
}
