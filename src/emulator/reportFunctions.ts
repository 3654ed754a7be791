import { isPrivilegedAdmin, type UserCredentialUsageDetailsRow, type UserRegistrationDetailsRow } from './data';
import { type EntityDef, graphEnums } from './entities';
import { contextUrl, jsonResponse } from './handlers';
import { GraphError, readQueryOptions, serializeRow } from './http';
import { bindFilter } from './odataEval';
import { parseFilter, parseSelect } from './odataParse';
import { Prng } from './prng';
import type { Handler, HandlerContext } from './routes';

const DAYS: Readonly<Record<string, number>> = { d1: 1, d7: 7, d30: 30 };

/**
 * The `period` parameter of a report function, in days. The legacy function documents its period as
 * case-insensitive (`D30`); the successor's is the `aggregationPeriod` enum, spelled `d30`.
 */
export function readPeriod(context: HandlerContext, caseInsensitive: boolean): number {
  const args = context.args ?? {};
  const unknown = Object.keys(args).filter((name) => name !== 'period');
  if (unknown.length > 0) throw new GraphError(400, 'BadRequest', `The function takes only 'period', but got: ${unknown.join(', ')}.`);
  const period = args['period'];
  const accepted = caseInsensitive ? "'D1', 'D7' or 'D30'" : "'d1', 'd7' or 'd30'";
  if (period === undefined) throw new GraphError(400, 'BadRequest', `The function needs a period parameter, ${accepted}.`);
  const days = DAYS[caseInsensitive ? period.toLowerCase() : period];
  if (days === undefined) throw new GraphError(400, 'BadRequest', `period must be ${accepted}, but got: '${period}'.`);
  return days;
}

const PARAMETERS = { includedUserTypes: graphEnums.includedUserTypes, includedUserRoles: graphEnums.includedUserRoles } as const;

function readParameter(context: HandlerContext, name: keyof typeof PARAMETERS): string {
  const value = context.args?.[name] ?? 'all';
  const members = PARAMETERS[name].filter((member) => member !== 'unknownFutureValue');
  if (!(members as string[]).includes(value)) {
    throw new GraphError(400, 'BadRequest', `${name} must be one of ${members.join(', ')}, but got: '${value}'.`);
  }
  return value;
}

/**
 * The users a `usersRegisteredBy…` summary counts. Graph declares two overloads: none of the parameters
 * (also callable without parentheses), or both `includedUserTypes` and `includedUserRoles`; a call with
 * one of them matches neither and is refused. A user whose `isAdmin` is null counts as no admin.
 */
export function selectUsersInScope(context: HandlerContext): { userTypes: string; userRoles: string; users: UserRegistrationDetailsRow[] } {
  const names = Object.keys(context.args ?? {});
  const unknown = names.filter((name) => !(name in PARAMETERS));
  if (unknown.length > 0) {
    throw new GraphError(400, 'BadRequest', `The function takes includedUserTypes and includedUserRoles, but got: ${unknown.join(', ')}.`);
  }
  if (names.length === 1) {
    throw new GraphError(400, 'BadRequest', `No overload takes only ${names.join('')}: pass both includedUserTypes and includedUserRoles, or neither.`);
  }
  const userTypes = readParameter(context, 'includedUserTypes');
  const userRoles = readParameter(context, 'includedUserRoles');
  const users = context.state.data.userRegistrationDetails.filter((user) => {
    if (userTypes !== 'all' && user.userType !== userTypes) return false;
    switch (userRoles) {
      case 'privilegedAdmin': return isPrivilegedAdmin(user);
      case 'admin': return user.isAdmin === true;
      case 'user': return user.isAdmin !== true;
      default: return true;
    }
  });
  return { userTypes, userRoles, users };
}

/** One row of an activity summary (`credentialUsageSummary`, `userRegistrationActivitySummary`). */
type ActivityRow = {
  id: string;
  feature: string;
  successfulActivityCount: number;
  failureActivityCount: number;
  authMethod: string;
};

function rank(members: readonly string[], value: string): number {
  const index = members.indexOf(value);
  return index < 0 ? members.length : index;
}

/**
 * Successful and failed events per feature and method since `sinceMs`. Every pair that occurs anywhere
 * in the data gets a row (with zero counts when it falls outside the period), ordered by feature, then
 * method, in enum order. Ids are stable for a seed, report and period.
 */
export function summarizeActivity(
  events: readonly UserCredentialUsageDetailsRow[],
  sinceMs: number,
  idParts: readonly (string | number)[],
): ActivityRow[] {
  const rows = new Map<string, ActivityRow>();
  for (const event of events) {
    const key = `${event.feature}\u0000${event.authMethod}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { id: Prng.of(...idParts, key).guid(), feature: event.feature, successfulActivityCount: 0, failureActivityCount: 0, authMethod: event.authMethod };
      rows.set(key, row);
    }
    if (Date.parse(event.eventDateTime) < sinceMs) continue;
    if (event.isSuccess) row.successfulActivityCount++;
    else row.failureActivityCount++;
  }
  return [...rows.values()].sort(
    (a, b) =>
      rank(graphEnums.featureType, a.feature) - rank(graphEnums.featureType, b.feature) ||
      rank(graphEnums.usageAuthMethod, a.authMethod) - rank(graphEnums.usageAuthMethod, b.authMethod) ||
      (a.authMethod < b.authMethod ? -1 : a.authMethod > b.authMethod ? 1 : 0),
  );
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * A report function over the usage events: `getCredentialUsageSummary(period='D30')` (legacy, period
 * case-insensitive) or `userRegistrationActivity(period='d30')` (successor). Periods reach back from the
 * data's reference instant. `$filter` on the documented properties; no paging (the result is small).
 */
export function activityReport(entity: EntityDef, legacy: boolean): Handler {
  return (context) => {
    const days = readPeriod(context, legacy);
    const options = readQueryOptions(context.unit, ['$filter', '$select']);
    const filterText = options.get('$filter');
    const predicate = filterText === undefined ? null : bindFilter(parseFilter(filterText), entity);
    const select = options.has('$select') ? parseSelect(options.get('$select') ?? '', entity) : null;
    const { data, seed } = context.state;
    const since = Date.parse(data.referenceDateTime) - days * DAY_MS;
    const events = legacy ? data.usageDetails : data.userEventsSummary;
    const rows = summarizeActivity(events, since, [seed, entity.name, days]).filter((row) => predicate === null || predicate(row));
    return jsonResponse(context, 200, {
      '@odata.context': contextUrl(context, `Collection(microsoft.graph.${entity.name})`),
      value: rows.map((row) => serializeRow(row, entity, { version: context.version, includeUnknown: context.includeUnknown, select })),
    });
  };
}

/** `getCredentialUserRegistrationCount`: a one-item collection counted from the registration details. */
export const credentialUserRegistrationCount: Handler = (context) => {
  if (context.args !== null && Object.keys(context.args).length > 0) {
    throw new GraphError(400, 'BadRequest', `getCredentialUserRegistrationCount takes no parameters, but got: ${Object.keys(context.args).join(', ')}.`);
  }
  readQueryOptions(context.unit, []);
  const rows = context.state.data.registrationDetails;
  const count = (test: (row: (typeof rows)[number]) => boolean): number => rows.reduce((n, row) => n + (test(row) ? 1 : 0), 0);
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'Collection(microsoft.graph.credentialUserRegistrationCount)'),
    value: [
      {
        id: Prng.of(context.state.seed, 'credentialUserRegistrationCount').guid(),
        totalUserCount: rows.length,
        userRegistrationCounts: [
          { registrationStatus: 'registered', registrationCount: count((row) => row.isRegistered) },
          { registrationStatus: 'enabled', registrationCount: count((row) => row.isEnabled) },
          { registrationStatus: 'capable', registrationCount: count((row) => row.isCapable) },
          { registrationStatus: 'mfaRegistered', registrationCount: count((row) => row.isMfaRegistered) },
        ],
      },
    ],
  });
};

/** authenticationMethodFeature members and the successor row's boolean each one counts. */
const FEATURES = [
  ['ssprRegistered', 'isSsprRegistered'],
  ['ssprEnabled', 'isSsprEnabled'],
  ['ssprCapable', 'isSsprCapable'],
  ['passwordlessCapable', 'isPasswordlessCapable'],
  ['mfaCapable', 'isMfaCapable'],
] as const;

/** `usersRegisteredByFeature(...)`: a userRegistrationFeatureSummary counted from userRegistrationDetails. */
export const usersRegisteredByFeature: Handler = (context) => {
  readQueryOptions(context.unit, []);
  const { userTypes, userRoles, users } = selectUsersInScope(context);
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'microsoft.graph.userRegistrationFeatureSummary'),
    totalUserCount: users.length,
    userRegistrationFeatureCounts: FEATURES.map(([feature, flag]) => ({
      feature,
      userCount: users.reduce((n, user) => n + (user[flag] ? 1 : 0), 0),
    })),
    userRoles,
    userTypes,
  });
};

/** `usersRegisteredByMethod(...)`: users per registered method, methods in order of first appearance. */
export const usersRegisteredByMethod: Handler = (context) => {
  readQueryOptions(context.unit, []);
  const { userTypes, userRoles, users } = selectUsersInScope(context);
  const counts = new Map<string, number>();
  for (const user of users) {
    for (const method of user.methodsRegistered ?? []) counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'microsoft.graph.userRegistrationMethodSummary'),
    totalUserCount: users.length,
    userRegistrationMethodCounts: [...counts].map(([authenticationMethod, userCount]) => ({ authenticationMethod, userCount })),
    userRoles,
    userTypes,
  });
};
