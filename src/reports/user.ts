import type { Resolvers } from '../generated/resolvers-types';
import type { ReportSpec } from '../graph/odata';
import type { GatewayContext } from '../operation/context';
import { entityId, entityKey } from '../operation/connections';
import { selectsField } from '../operation/selection';
import { credentialUserRegistrationDetails as registrations, type CredentialUserRegistrationDetailsRecord } from './registrationDetails';
import { usageDetailsFilter, userCredentialUsageDetails as usage } from './usageDetails';
import { userRegistrationDetails as directory, userRegistrationDetailsFor, type UserRegistrationDetailsRecord } from './userRegistrationDetails';

/**
 * A federated `User` as this subgraph sees it: the router sends one of the two keys, never necessarily both,
 * so resolvers must cope with either missing.
 */
export interface UserReference {
  readonly id?: string;
  readonly userPrincipalName?: string;
}

type Key = 'id' | 'userPrincipalName';

/** A User as resolved here: its keys, and the directory row when one was read to fill in a key. */
interface ResolvedUser extends UserReference {
  readonly row?: UserRegistrationDetailsRecord;
  /** Where the row was read: a beta row also holds `defaultMfaMethod`, a v1.0 row does not. */
  readonly rowFrom?: ReportSpec;
}

/**
 * The user's row in the successor report, which lists every user of the tenant and so translates one key
 * into the other. A tick's lookups are one batch for the read planner, which reads them per key, coalesced
 * or by scanning the directory, whichever spends the fewest budgeted requests. A row already read to fill
 * in a key is reused: asking again by the other key would be a second, different read.
 */
function directoryRow(user: ResolvedUser, ctx: GatewayContext, spec: ReportSpec = directory): Promise<UserRegistrationDetailsRecord | null> {
  if (user.row !== undefined && (spec === directory || user.rowFrom === spec)) return Promise.resolve(user.row);
  if (user.id !== undefined) return ctx.links.byKey<UserRegistrationDetailsRecord>(spec, 'id', user.id);
  if (user.userPrincipalName !== undefined) return ctx.links.byKey<UserRegistrationDetailsRecord>(spec, 'userPrincipalName', user.userPrincipalName);
  return Promise.resolve(null);
}

/** The key the reference carries, or the one the directory gives for the other key; null for unknown users. */
async function keyOf(user: ResolvedUser, key: Key, ctx: GatewayContext): Promise<string | null> {
  return user[key] ?? (await directoryRow(user, ctx))?.[key] ?? null;
}

/**
 * A representation's keys; null when it carries neither key or a key that is not a usable string. A
 * router sends one key, whichever its plan chose, so either one alone is a whole reference.
 */
function referenceOf(ref: Readonly<Record<string, unknown>>): UserReference | null {
  const keys: { id?: string; userPrincipalName?: string } = {};
  for (const key of ['id', 'userPrincipalName'] as const) {
    if (ref[key] === undefined) continue;
    // The id goes into a path (`…/{id}`), the principal name into an escaped filter literal.
    const value = key === 'id' ? entityId(ref[key]) : entityKey(ref[key]);
    if (value === null) return null;
    keys[key] = value;
  }
  return keys.id === undefined && keys.userPrincipalName === undefined ? null : keys;
}

/**
 * This subgraph's contributions to the supergraph's `User`. The legacy reports are keyed by principal
 * name, the successor by id; a reference with only the other key is translated through the directory
 * row, so either key answers every field. A user upstream does not know is still a user (the users
 * subgraph owns that): its report fields are null, its usage connection empty.
 */
export const userResolvers = {
  User: {
    __resolveReference: async (ref, ctx, info) => {
      const user = referenceOf(ref as Readonly<Record<string, unknown>>);
      if (user === null) return null;
      // `_entities` is the only way to a User here, so the key fields can keep their default resolvers:
      // the key the router did not send is filled in here when selected, and as it is non-null, a user
      // upstream cannot name is a null entity rather than an error. Only then is the translation paid for.
      const missing = (['id', 'userPrincipalName'] as const).find((key) => user[key] === undefined);
      if (missing === undefined || !selectsField(info, missing, 'User')) return user;
      // Read from the directory the rest of the operation needs, so that the row is read once.
      const rowFrom = userRegistrationDetailsFor(info);
      const row = await directoryRow(user, ctx, rowFrom);
      const resolved: ResolvedUser | null = typeof row?.[missing] === 'string' ? { ...user, [missing]: row[missing], row, rowFrom } : null;
      return resolved;
    },
    credentialRegistration: async (user, _args, ctx) => {
      const upn = await keyOf(user, 'userPrincipalName', ctx);
      return upn === null ? null : ctx.links.firstOf<CredentialUserRegistrationDetailsRecord>(upn, registrations);
    },
    credentialUsageEvents: async (user, args, ctx) => {
      // Checked before any lookup, so a bad argument is reported even for a user that needs translating.
      const filter = usageDetailsFilter(args.filter, 'credentialUsageEvents.filter');
      const upn = await keyOf(user, 'userPrincipalName', ctx);
      if (upn === null) return null;
      return ctx.links.rowsOf(upn, { spec: usage, filter, first: args.first, after: args.after }, 'credentialUsageEvents.');
    },
    // By principal name the directory row already is the registration: one request either way.
    authenticationRegistration: (user, _args, ctx, info) => directoryRow(user, ctx, userRegistrationDetailsFor(info)),
  },
} satisfies Resolvers;
