import type { EmulatorState } from './emulator';
import { credentialUsageSummaryEntity, registrationDetailsCollection, tenantSummariesCollection, usageDetailsCollection, userEventsSummaryCollection, userRegistrationActivitySummaryEntity, userRegistrationDetailsCollection } from './entities';
import { createEntity, getEntity, listCollection } from './handlers';
import { GraphError, type UnitRequest, type UnitResponse } from './http';
import { metadataDocument } from './metadata';
import { activityReport, credentialUserRegistrationCount, usersRegisteredByFeature, usersRegisteredByMethod } from './reportFunctions';

/** Answers one routed request; throws `GraphError` for Graph-style failures. */
export type Handler = (context: HandlerContext) => UnitResponse;

/** What a route handler gets: the shared state, the request, and what the router read from the path. */
export interface HandlerContext {
  readonly state: EmulatorState;
  readonly unit: UnitRequest;
  readonly version: 'beta' | 'v1.0';
  /** Parameters of a function segment (`period='D30'` → `{ period: 'D30' }`); null when not called with parentheses. */
  readonly args: Readonly<Record<string, string>> | null;
  /** The key of an addressed entity (`/{id}` or `('{id}')`). */
  readonly key: string | null;
  /** The caller sent `Prefer: include-unknown-enum-members`. */
  readonly includeUnknown: boolean;
}

/** One addressable resource: its path below the version, the versions serving it, and its methods. */
export interface Route {
  /**
   * Segment names, compared ignoring case. `{key}` matches any segment (an entity key); a name ending in
   * `()` is a function, callable with or without parentheses.
   */
  readonly path: readonly string[];
  readonly versions: readonly ('beta' | 'v1.0')[];
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Handler>>>;
}

/** A path segment: its name, and what its parentheses held, if any. */
interface Segment {
  readonly name: string;
  /** Function parameters, `name='value'` pairs; null without parentheses. */
  readonly args: Readonly<Record<string, string>> | null;
  /** An entity key written as `collection('id')`. */
  readonly key: string | null;
}

function invalid(segment: string, what: string): GraphError {
  return new GraphError(400, 'BadRequest', `The path segment '${segment}' is malformed: ${what}.`);
}

/** Reads `'…'` (with `''` for a quote) or a bare value up to the next comma. */
function readValue(text: string, start: number, segment: string): { value: string; end: number } {
  if (text[start] !== "'") {
    const comma = text.indexOf(',', start);
    const end = comma < 0 ? text.length : comma;
    return { value: text.slice(start, end).trim(), end };
  }
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote < 0) throw invalid(segment, 'a quoted value is not closed');
    value += text.slice(i, quote);
    if (text[quote + 1] !== "'") return { value, end: quote + 1 };
    value += "'";
    i = quote + 2;
  }
}

function parseArgs(inner: string, segment: string): Record<string, string> {
  const args: Record<string, string> = {};
  let pos = 0;
  while (pos < inner.length) {
    const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(inner.slice(pos));
    if (name === null || name[1] === undefined) throw invalid(segment, 'expected name=value');
    if (name[1] in args) throw invalid(segment, `the parameter '${name[1]}' is given twice`);
    const { value, end } = readValue(inner, pos + name[0].length, segment);
    args[name[1]] = value;
    pos = end;
    const rest = /^\s*(,|$)/.exec(inner.slice(pos));
    if (rest === null) throw invalid(segment, "expected ',' between parameters");
    pos += rest[0].length;
  }
  return args;
}

/** Splits `getCredentialUsageSummary(period='D30')` or `credentialUserRegistrationDetails('id')`. */
export function parseSegment(segment: string): Segment {
  const open = segment.indexOf('(');
  if (open < 0) return { name: segment, args: null, key: null };
  if (!segment.endsWith(')')) throw invalid(segment, "the parentheses are not closed");
  const name = segment.slice(0, open);
  const inner = segment.slice(open + 1, -1).trim();
  if (inner !== '' && !/^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(inner)) {
    return { name, args: null, key: readValue(inner, 0, segment).value };
  }
  return { name, args: parseArgs(inner, segment), key: null };
}

/** What the router found: the handler and what the path carried for it. */
interface Match {
  readonly handler: Handler;
  readonly args: Readonly<Record<string, string>> | null;
  readonly key: string | null;
}

/** Segments with `collection('id')` expanded to `collection`, `id`, so both key syntaxes match alike. */
function expand(segments: readonly string[]): { name: string; args: Readonly<Record<string, string>> | null; hasParens: boolean }[] {
  return segments.flatMap((segment) => {
    const parsed = parseSegment(segment);
    if (parsed.key !== null) return [{ name: parsed.name, args: null, hasParens: false }, { name: parsed.key, args: null, hasParens: false }];
    return [{ name: parsed.name, args: parsed.args, hasParens: parsed.args !== null }];
  });
}

function matches(route: Route, parts: ReturnType<typeof expand>): boolean {
  if (route.path.length !== parts.length) return false;
  return route.path.every((pattern, index) => {
    const part = parts[index];
    if (part === undefined) return false;
    if (pattern === '{key}') return !part.hasParens;
    const isFunction = pattern.endsWith('()');
    if (part.hasParens && !isFunction) return false;
    return (isFunction ? pattern.slice(0, -2) : pattern).toLowerCase() === part.name.toLowerCase();
  });
}

/**
 * Finds the handler for a method, version and decoded path. Unknown segments answer 400 `BadRequest`
 * as Graph does; a known resource with another method answers 405.
 */
export function matchRoute(method: string, version: 'beta' | 'v1.0', segments: readonly string[]): Match {
  const parts = expand(segments);
  const route = routes.find((candidate) => candidate.versions.includes(version) && matches(candidate, parts));
  if (route === undefined) {
    const last = segments[segments.length - 1] ?? '';
    throw new GraphError(400, 'BadRequest', `No resource '${last}' exists at this path on ${version}.`);
  }
  const handler = route.methods[method.toUpperCase() as 'GET' | 'POST'];
  if (handler === undefined) {
    throw new GraphError(405, 'Request_BadRequest', `${method} is not supported on this resource; it accepts ${Object.keys(route.methods).join(', ')}.`);
  }
  const keyIndex = route.path.indexOf('{key}');
  const last = parts[parts.length - 1];
  return { handler, args: last?.args ?? null, key: keyIndex < 0 ? null : (parts[keyIndex]?.name ?? null) };
}

const BETA = ['beta'] as const;
const BOTH = ['beta', 'v1.0'] as const;
const TENANTS = ['tenantRelationships', 'managedTenants', 'credentialUserRegistrationsSummaries'];
const METHODS_ROOT = ['reports', 'authenticationMethods'];

/** Every resource the emulator serves: the legacy reports on beta and their successors (README: "The GraphQL API"). */
export const routes: readonly Route[] = [
  { path: ['reports', 'credentialUserRegistrationDetails'], versions: BETA, methods: { GET: listCollection(registrationDetailsCollection), POST: createEntity(registrationDetailsCollection) } },
  { path: ['reports', 'credentialUserRegistrationDetails', '{key}'], versions: BETA, methods: { GET: getEntity(registrationDetailsCollection) } },
  { path: ['reports', 'userCredentialUsageDetails'], versions: BETA, methods: { GET: listCollection(usageDetailsCollection), POST: createEntity(usageDetailsCollection) } },
  { path: ['reports', 'userCredentialUsageDetails', '{key}'], versions: BETA, methods: { GET: getEntity(usageDetailsCollection) } },
  { path: ['reports', 'getCredentialUsageSummary()'], versions: BETA, methods: { GET: activityReport(credentialUsageSummaryEntity, true) } },
  { path: ['reports', 'getCredentialUserRegistrationCount()'], versions: BETA, methods: { GET: credentialUserRegistrationCount } },
  { path: TENANTS, versions: BETA, methods: { GET: listCollection(tenantSummariesCollection), POST: createEntity(tenantSummariesCollection) } },
  { path: [...TENANTS, '{key}'], versions: BETA, methods: { GET: getEntity(tenantSummariesCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationDetails'], versions: BOTH, methods: { GET: listCollection(userRegistrationDetailsCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationDetails', '{key}'], versions: BOTH, methods: { GET: getEntity(userRegistrationDetailsCollection) } },
  { path: [...METHODS_ROOT, 'usersRegisteredByFeature()'], versions: BOTH, methods: { GET: usersRegisteredByFeature } },
  { path: [...METHODS_ROOT, 'usersRegisteredByMethod()'], versions: BOTH, methods: { GET: usersRegisteredByMethod } },
  { path: [...METHODS_ROOT, 'userEventsSummary'], versions: BETA, methods: { GET: listCollection(userEventsSummaryCollection) } },
  { path: [...METHODS_ROOT, 'userRegistrationActivity()'], versions: BETA, methods: { GET: activityReport(userRegistrationActivitySummaryEntity, false) } },
  { path: ['$metadata'], versions: BOTH, methods: { GET: metadataDocument } },
];
