import { ODataCompileError } from './errors';
import { describeGiven, functionCallPath, normalizeDateTime, percentEncode, quoteString, unsafeCharacter } from './odataLiterals';
import type { GraphRequest, GraphVersion } from './types';
import { maxRelativeUrlLength } from './urls';

/**
 * Typed filter descriptors: what resolvers hand to the OData compiler. Property names are checked
 * against the report's spec and values against the property's type, so nothing here is OData text yet.
 */
export type FilterValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** An enum member in Graph's camelCase spelling; must be one of the property's members. */
  | { readonly kind: 'enum'; readonly value: string }
  /** ISO 8601; the compiler validates it and writes it unquoted. */
  | { readonly kind: 'dateTime'; readonly value: string };

export type ComparisonOperator = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterExpression =
  | { readonly kind: 'compare'; readonly property: string; readonly op: ComparisonOperator; readonly value: FilterValue }
  | { readonly kind: 'startsWith'; readonly property: string; readonly value: string }
  /** `property/any(t: t eq v1 or t eq v2)` over a collection property. */
  | { readonly kind: 'any'; readonly property: string; readonly values: readonly FilterValue[] }
  | { readonly kind: 'and'; readonly operands: readonly FilterExpression[] }
  | { readonly kind: 'or'; readonly operands: readonly FilterExpression[] };

export interface OrderTerm {
  readonly property: string;
  readonly direction: 'asc' | 'desc';
}

/** How one upstream property may be filtered: its type, and the operators Graph documents for it. */
export type PropertySpec =
  | { readonly type: 'string'; readonly operators: readonly ('eq' | 'startsWith')[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly members: readonly string[] }
  | { readonly type: 'enumCollection'; readonly members: readonly string[] }
  | { readonly type: 'stringCollection' }
  | { readonly type: 'dateTime'; readonly operators: readonly ComparisonOperator[] };

/** A string property that Graph documents with `eq` and `startswith` (names, principal names, failure reasons). */
export const stringProperty: PropertySpec = { type: 'string', operators: ['eq', 'startsWith'] };

/**
 * What the gateway knows about one upstream report: where it lives and which query options Graph accepts.
 * The OData compiler refuses any property or operator not listed here.
 */
export interface ReportSpec {
  /** Stable name, also stamped into cursors so a cursor cannot be replayed against another report. */
  readonly name: string;
  readonly version: GraphVersion;
  /** Path below the version root, e.g. `/reports/credentialUserRegistrationDetails`. */
  readonly path: string;
  readonly filterable: Readonly<Record<string, PropertySpec>>;
  readonly orderable: readonly string[];
  /** Whether the collection supports `/{id}` addressing. */
  readonly addressableById: boolean;
  /** Which permission types Graph serves this report to, from its own API page (README, "Permissions"). */
  readonly permissions: ReportPermissions;
}

/**
 * The least privileged permission Graph's API page lists per permission type: `delegated` is what an
 * on-behalf-of token needs (`GRAPH_AUTH=obo`; every report has one), `application` what an app-only
 * token needs (`GRAPH_AUTH=app`), `null` where the page says "Not supported".
 */
export interface ReportPermissions {
  readonly delegated: string;
  readonly application: string | null;
}

type Condition = Extract<FilterExpression, { kind: 'compare' | 'startsWith' | 'any' }>;

/** OData text for one property condition, after checking it against the report's whitelist. */
export function compileCondition(spec: ReportSpec, condition: Condition): string {
  const { property } = condition;
  const propertySpec = Object.hasOwn(spec.filterable, property) ? spec.filterable[property] : undefined;
  if (!propertySpec) {
    const accepted = Object.keys(spec.filterable).join(', ') || 'no properties';
    throw new ODataCompileError(
      property,
      `\`$filter\` on ${spec.name} accepts ${accepted}, but got: ${describeGiven(property)}`,
    );
  }
  const operator = condition.kind === 'compare' ? condition.op : condition.kind;
  const operators = operatorsOf(propertySpec);
  if (!operators.includes(operator)) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts the operator${operators.length > 1 ? 's' : ''} ${operators.join(', ')}, but got: ${describeGiven(operator)}`,
    );
  }
  switch (condition.kind) {
    case 'startsWith':
      return `startswith(${property},${quoteString(property, condition.value)})`;
    case 'compare':
      return `${property} ${condition.op} ${literal(property, propertySpec, condition.value)}`;
    case 'any': {
      if (!Array.isArray(condition.values) || condition.values.length === 0) {
        throw new ODataCompileError(
          property,
          `\`${property}\` accepts \`any\` with at least one value, but got: ${describeGiven(condition.values)} with none`,
        );
      }
      const terms = condition.values.map((value) => `t eq ${literal(property, propertySpec, value)}`);
      return `${property}/any(t:${terms.join(' or ')})`;
    }
  }
}

function operatorsOf(propertySpec: PropertySpec): readonly string[] {
  switch (propertySpec.type) {
    case 'string':
    case 'dateTime':
      return propertySpec.operators;
    case 'boolean':
    case 'enum':
      return ['eq'];
    case 'enumCollection':
    case 'stringCollection':
      return ['any'];
  }
}

/** The literal for one value; a collection's elements are checked as its element type. */
function literal(property: string, propertySpec: PropertySpec, value: FilterValue): string {
  const expected = valueKindOf(propertySpec);
  if (value?.kind !== expected) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts a value of kind ${expected}, but got: ${describeGiven(value?.kind ?? value)}`,
    );
  }
  switch (value.kind) {
    case 'boolean':
      if (value.value === true) return 'true';
      if (value.value === false) return 'false';
      throw new ODataCompileError(
        property,
        `\`${property}\` accepts true or false, but got: ${describeGiven((value as { value: unknown }).value)}`,
      );
    case 'dateTime':
      return normalizeDateTime(property, value.value);
    case 'string':
      return quoteString(property, value.value);
    case 'enum': {
      const members = (propertySpec as { readonly members: readonly string[] }).members;
      if (!members.includes(value.value)) {
        throw new ODataCompileError(
          property,
          `\`${property}\` accepts one of ${members.join(', ')}, but got: ${describeGiven(value.value)}`,
        );
      }
      return quoteString(property, value.value);
    }
  }
}

function valueKindOf(propertySpec: PropertySpec): FilterValue['kind'] {
  switch (propertySpec.type) {
    case 'string':
    case 'stringCollection':
      return 'string';
    case 'enum':
    case 'enumCollection':
      return 'enum';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
  }
}

/** Compiled text and its loosest operator, so a parent knows whether it must add parentheses. */
interface Compiled {
  readonly text: string;
  readonly binding: 'or' | 'and' | 'atom';
}

/**
 * The `$filter` text for `expr` (not yet percent-encoded), or `''` when nothing constrains the rows
 * (an empty `and`). Every property, operator and value is checked against `spec.filterable`.
 */
export function compileFilter(spec: ReportSpec, expr: FilterExpression): string {
  return compile(spec, expr)?.text ?? '';
}

/** `undefined` stands for "no constraint" (always true), which disappears from an `and` and absorbs an `or`. */
function compile(spec: ReportSpec, expr: FilterExpression): Compiled | undefined {
  switch (expr?.kind) {
    case 'compare':
    case 'startsWith':
    case 'any':
      return { text: compileCondition(spec, expr), binding: 'atom' };
    case 'and': {
      const parts = operandsOf(expr).map((operand) => compile(spec, operand));
      const kept = parts.filter((part): part is Compiled => part !== undefined);
      if (kept.length === 0) return undefined;
      if (kept.length === 1) return kept[0];
      // `and` binds tighter than `or` in OData, so only an `or` operand needs parentheses.
      const text = kept.map((part) => (part.binding === 'or' ? `(${part.text})` : part.text)).join(' and ');
      return { text, binding: 'and' };
    }
    case 'or': {
      const operands = operandsOf(expr);
      if (operands.length === 0) {
        throw new ODataCompileError(
          '$filter',
          '`$filter` accepts `or` with at least one operand (an empty `or` matches nothing), but got: none',
        );
      }
      const parts = operands.map((operand) => compile(spec, operand));
      if (parts.some((part) => part === undefined)) return undefined;
      const kept = parts as Compiled[];
      if (kept.length === 1) return kept[0];
      return { text: kept.map((part) => part.text).join(' or '), binding: 'or' };
    }
    default:
      throw new ODataCompileError(
        '$filter',
        `\`$filter\` accepts expressions of kind compare, startsWith, any, and, or, but got: ${describeGiven((expr as { kind?: unknown } | undefined)?.kind ?? expr)}`,
      );
  }
}

function operandsOf(expr: Extract<FilterExpression, { kind: 'and' | 'or' }>): readonly FilterExpression[] {
  if (!Array.isArray(expr.operands)) {
    throw new ODataCompileError(
      '$filter',
      `\`$filter\` accepts \`${expr.kind}\` with a list of operands, but got: ${describeGiven(expr.operands)}`,
    );
  }
  return expr.operands;
}

/**
 * The `$orderby` text (not yet percent-encoded): `userDisplayName asc,isMfaRegistered desc`, or `''`
 * for no terms. Only `spec.orderable` properties, each at most once (a repeated key is an OData error).
 */
export function compileOrderBy(spec: ReportSpec, terms: readonly OrderTerm[]): string {
  const seen = new Set<string>();
  return terms
    .map(({ property, direction }) => {
      if (!spec.orderable.includes(property)) {
        const accepted = spec.orderable.join(', ') || 'no properties';
        throw new ODataCompileError(
          String(property),
          `\`$orderby\` on ${spec.name} accepts ${accepted}, but got: ${describeGiven(property)}`,
        );
      }
      if (direction !== 'asc' && direction !== 'desc') {
        throw new ODataCompileError(
          property,
          `\`$orderby\` direction for \`${property}\` accepts asc or desc, but got: ${describeGiven(direction)}`,
        );
      }
      if (seen.has(property)) {
        throw new ODataCompileError(
          property,
          `\`$orderby\` accepts each property once, but got \`${property}\` twice`,
        );
      }
      seen.add(property);
      return `${property} ${direction}`;
    })
    .join(',');
}

/** Graph's largest `$top` for the credential reports. */
const MAX_TOP = 1000;

/**
 * A GET for one page of a report. The query options come in a fixed order ($filter, $orderby, $top),
 * each strictly percent-encoded, so one descriptor always yields byte-identical URLs: the URL is the
 * cache and dedup key downstream.
 */
export function buildListRequest(
  spec: ReportSpec,
  options: {
    readonly filter?: FilterExpression;
    readonly orderBy?: readonly OrderTerm[];
    readonly top?: number;
    readonly functionParameters?: Readonly<Record<string, string>>;
  },
): GraphRequest {
  const query: string[] = [];
  const filter = options.filter === undefined ? '' : compileFilter(spec, options.filter);
  if (filter !== '') query.push(`$filter=${percentEncode(filter)}`);
  const orderBy = options.orderBy === undefined ? '' : compileOrderBy(spec, options.orderBy);
  if (orderBy !== '') query.push(`$orderby=${percentEncode(orderBy)}`);
  if (options.top !== undefined) {
    if (!Number.isInteger(options.top) || options.top < 1 || options.top > MAX_TOP) {
      throw new ODataCompileError(
        '$top',
        `\`$top\` accepts an integer between 1 and ${MAX_TOP}, but got: ${describeGiven(options.top)}`,
      );
    }
    query.push(`$top=${options.top}`);
  }
  const path = functionCallPath(spec.path, options.functionParameters);
  const url = query.length === 0 ? path : `${path}?${query.join('&')}`;
  if (url.length > maxRelativeUrlLength) {
    throw new ODataCompileError(
      '$filter',
      `a request to ${spec.name} accepts at most ${maxRelativeUrlLength} URL characters, but the filter and order made ${url.length}; use fewer or shorter values`,
    );
  }
  return { method: 'GET', version: spec.version, url };
}

const MAX_ID_LENGTH = 256;
/**
 * Path and URL delimiters. Graph's ids (GUIDs, object ids) never hold them, and sent percent-encoded they
 * are still a bet on every server and proxy on the way not decoding `%2F` back into a path separator.
 */
const URL_DELIMITERS = /[/\\?#]/;

/**
 * Whether `key` can be an entity key at all (an id, or a principal name compared in a filter): 1 to 256
 * characters, no control characters or lone surrogates (the one rule, `unsafeCharacter`), not `.` or `..`.
 */
export function isEntityKey(key: unknown): key is string {
  return typeof key === 'string' && key.length >= 1 && key.length <= MAX_ID_LENGTH && key !== '.' && key !== '..' && unsafeCharacter(key) === undefined;
}

/**
 * Whether `id` can name an entity as one path segment: an entity key (`.` and `..` survive encoding and a
 * URL parser would turn them into a walk up the path) without `/`, `\`, `?` or `#`.
 */
export function isEntityId(id: unknown): id is string {
  return isEntityKey(id) && !URL_DELIMITERS.test(id);
}

/** A GET of one entity, `/path/{id}`, the id encoded as one path segment (see `isEntityId`). */
export function buildGetByIdRequest(spec: ReportSpec, id: string): GraphRequest {
  if (!spec.addressableById) {
    throw new ODataCompileError('id', `${spec.name} is not addressable by id, but got a request for: ${describeGiven(id)}`);
  }
  const valid = isEntityId(id);
  if (!valid) {
    throw new ODataCompileError(
      'id',
      `\`id\` of ${spec.name} accepts 1 to ${MAX_ID_LENGTH} characters, no control characters, no \`/\`, \`\\\`, \`?\` or \`#\`, not \`.\` or \`..\`, but got: ${describeGiven(id)}`,
    );
  }
  return { method: 'GET', version: spec.version, url: `${spec.path}/${percentEncode(id)}` };
}

/** A POST of one new entity to the report's collection; the body is sent as JSON. */
export function buildCreateRequest(spec: ReportSpec, body: object): GraphRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ODataCompileError('body', `a create on ${spec.name} accepts a JSON object body, but got: ${describeGiven(body)}`);
  }
  return { method: 'POST', version: spec.version, url: spec.path, body };
}
