import { BadUserInputError } from '../errors';
import type { ComparisonOperator, FilterExpression, FilterValue, OrderTerm } from '../graph/odata';

/**
 * An enum argument sent upstream. UNKNOWN_FUTURE_VALUE is what the gateway answers for members it does
 * not know; asking Graph for it would match nothing (or answer 400), so it is refused up front.
 */
export function namedMember<T extends string>(argument: string, value: T): T {
  if (value === 'unknownFutureValue') {
    throw new BadUserInputError(
      `\`${argument}\` must name a member this schema knows (UNKNOWN_FUTURE_VALUE only stands for values it does not), but got: UNKNOWN_FUTURE_VALUE`,
      argument,
    );
  }
  return value;
}

/** GraphQL order inputs already carry upstream property names and directions (enum internal values). */
export function orderTerms(order: readonly { field: string; direction?: string | null }[] | null | undefined): OrderTerm[] | undefined {
  if (!order || order.length === 0) return undefined;
  return order.map((o) => ({ property: o.field, direction: o.direction === 'desc' ? 'desc' : 'asc' }));
}

type Maybe<T> = T | null | undefined;

/**
 * Collects the parts of a typed GraphQL filter input as `FilterExpression`s, AND-ed. Values stay typed
 * (string, boolean, enum, date); only the OData compiler turns them into text.
 */
export class FilterBuilder {
  private readonly parts: FilterExpression[] = [];

  constructor(private readonly argument: string) {}

  string(property: string, filter: Maybe<{ eq?: Maybe<string>; startsWith?: Maybe<string> }>): this {
    if (filter?.eq != null) this.compare(property, 'eq', { kind: 'string', value: filter.eq });
    if (filter?.startsWith != null) this.parts.push({ kind: 'startsWith', property, value: filter.startsWith });
    return this;
  }

  boolean(property: string, value: Maybe<boolean>): this {
    if (value != null) this.compare(property, 'eq', { kind: 'boolean', value });
    return this;
  }

  enum(property: string, value: Maybe<string>): this {
    if (value != null) this.compare(property, 'eq', { kind: 'enum', value: namedMember(`${this.argument}.${property}`, value) });
    return this;
  }

  any(property: string, filter: Maybe<{ any?: Maybe<readonly string[]> }>, kind: 'enum' | 'string'): this {
    const values = filter?.any;
    if (values == null) return this;
    if (values.length === 0) {
      throw new BadUserInputError(`\`${this.argument}.${property}.any\` must list at least one value, but got: []`, `${this.argument}.${property}.any`);
    }
    const named = values.map((v) => (kind === 'enum' ? namedMember(`${this.argument}.${property}.any`, v) : v));
    this.parts.push({ kind: 'any', property, values: [...new Set(named)].map((value): FilterValue => ({ kind, value })) });
    return this;
  }

  dateTime(property: string, range: Maybe<Partial<Record<'gt' | 'ge' | 'lt' | 'le', unknown>>>): this {
    for (const op of ['gt', 'ge', 'lt', 'le'] as const) {
      const value = range?.[op];
      if (value != null) this.compare(property, op, { kind: 'dateTime', value: value instanceof Date ? value.toISOString() : String(value) });
    }
    return this;
  }

  build(): FilterExpression | undefined {
    if (this.parts.length === 0) return undefined;
    return this.parts.length === 1 ? this.parts[0] : { kind: 'and', operands: [...this.parts] };
  }

  private compare(property: string, op: ComparisonOperator, value: FilterValue): void {
    this.parts.push({ kind: 'compare', property, op, value });
  }
}

/** Omitted and null input fields are left out of the upstream body rather than sent as `null`. */
export function withoutNulls(input: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}
