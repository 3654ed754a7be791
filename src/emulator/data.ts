import { credentialUserRegistrationsSummaryEntity, type EntityDef, userRegistrationDetailsEntity } from './entities';
import { Prng } from './prng';

/** `microsoft.graph.credentialUserRegistrationDetails` (beta), as served. `id` is the user's object id. */
export interface CredentialUserRegistrationDetailsRow {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  /** registrationAuthMethod values, plus what Graph really sends outside the enum (e.g. `mobileSMS`). */
  authMethods: string[];
  isRegistered: boolean;
  isEnabled: boolean;
  isCapable: boolean;
  isMfaRegistered: boolean;
}

/**
 * `microsoft.graph.userCredentialUsageDetails` (beta), as served; `userEventsSummary` has the same shape.
 * `id` identifies the event.
 */
export interface UserCredentialUsageDetailsRow {
  id: string;
  /** featureType: `registration`, `reset`. */
  feature: string;
  userPrincipalName: string;
  userDisplayName: string;
  isSuccess: boolean;
  /** usageAuthMethod, evolvable members included. */
  authMethod: string;
  /** Non-null in Graph's metadata: `""` on a successful event, as Graph's example shows. */
  failureReason: string;
  /** ISO 8601 UTC. */
  eventDateTime: string;
}

/** `microsoft.graph.managedTenants.credentialUserRegistrationsSummary` (beta), as served. */
export interface CredentialUserRegistrationsSummaryRow {
  id: string;
  tenantId: string | null;
  tenantDisplayName: string | null;
  lastRefreshedDateTime: string | null;
  mfaAndSsprCapableUserCount: number | null;
  mfaConditionalAccessPolicyState: string | null;
  mfaExcludedUserCount: number | null;
  mfaRegisteredUserCount: number | null;
  securityDefaultsEnabled: boolean | null;
  ssprEnabledUserCount: number | null;
  ssprRegisteredUserCount: number | null;
  /** e.g. `AADFree`, `AADPremium1`, `AADPremium2`. */
  tenantLicenseType: string | null;
  totalUserCount: number | null;
}

/**
 * `microsoft.graph.userRegistrationDetails` as beta serves it; v1.0 serves the same without
 * `defaultMfaMethod`. `id` is the user's object id, the same as the legacy registration row's.
 */
export interface UserRegistrationDetailsRow {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  /** signInUserType: `member`, `guest`. */
  userType: string | null;
  isAdmin: boolean | null;
  isMfaCapable: boolean;
  isMfaRegistered: boolean;
  isPasswordlessCapable: boolean;
  isSsprCapable: boolean;
  isSsprEnabled: boolean;
  isSsprRegistered: boolean;
  isSystemPreferredAuthenticationMethodEnabled: boolean | null;
  lastUpdatedDateTime: string;
  /** Open strings upstream: `mobilePhone`, `microsoftAuthenticatorPush`, `passKeyDeviceBound`, … */
  methodsRegistered: string[] | null;
  /** Open strings upstream: `push`, `oath`, `sms`, … */
  systemPreferredAuthenticationMethods: string[] | null;
  /** userDefaultAuthenticationMethod; Graph sends `""` for some users with no method, so do we. */
  userPreferredMethodForSecondaryAuthentication: string | null;
  /** defaultMfaMethodType, beta only. */
  defaultMfaMethod: string | null;
}

/** How often a property that Graph's metadata leaves nullable is null in a seeded row. */
const NULL_SHARE = 0.05;

/**
 * A seeded row as real tenants send it: null wherever Graph's metadata allows it (README "Graph's
 * metadata: which fields may be null"). Each nullable property is null with NULL_SHARE odds, drawn from
 * a stream of its own so that the rest of the row stays what the seed made it; `forced`, when given, is
 * null in any case, so that even a small tenant shows a gap in every such property.
 */
export function withGraphNulls<T extends object>(row: T, entity: EntityDef, prng: Prng, forced?: string): T {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [name, def] of Object.entries(entity.properties)) {
    if (def.nullable && (prng.chance(NULL_SHARE) || name === forced)) out[name] = null;
  }
  return out as T;
}

/** The properties of an entity that Graph's metadata leaves nullable, in declaration order. */
export function nullableProperties(entity: EntityDef): string[] {
  return Object.entries(entity.properties).filter(([, def]) => def.nullable === true).map(([name]) => name);
}

/**
 * The seeded tenant, as the emulator serves it (enum values as stored, i.e. what a client sending
 * `Prefer: include-unknown-enum-members` sees). Live: POST creates append here. Summaries, counts and
 * activity reports are computed from these arrays on each request.
 */
export interface EmulatorData {
  /** The instant report periods (`D1`, `D7`, `D30`) reach back from; events lie before it. */
  referenceDateTime: string;
  /** Legacy beta registration details, one per user, in user order. */
  registrationDetails: CredentialUserRegistrationDetailsRow[];
  /** Legacy beta usage events, 0–5 per user. */
  usageDetails: UserCredentialUsageDetailsRow[];
  /** Managed tenants' registration summaries. */
  tenantSummaries: CredentialUserRegistrationsSummaryRow[];
  /** The successor of registration details, one per user with the same ids (beta shape). */
  userRegistrationDetails: UserRegistrationDetailsRow[];
  /** The successor of usage events: the same array as `usageDetails`, served under its new path. */
  userEventsSummary: UserCredentialUsageDetailsRow[];
}

const DOMAIN = 'contoso.onmicrosoft.com';

/**
 * The first users are fixed so that even a tiny tenant exercises escaping: `'` (doubled in OData), `%`,
 * `&`, `#`, `+` (which must be percent-encoded in a query), spaces and non-ASCII letters. Guests carry
 * Entra's `#EXT#` user principal names.
 */
const SPECIAL_USERS = [
  { displayName: "Zoë O'Brien", local: "zoe.o'brien", userType: 'member' },
  { displayName: 'Ana María & Co', local: 'ana.maria.co', userType: 'member' },
  { displayName: '50% #1 + more', local: '50pct#1.more', userType: 'member' },
  { displayName: "Renée d'Arc", local: "renee.d'arc_fabrikam.com#EXT#", userType: 'guest' },
  { displayName: 'Łukasz Żółć', local: 'lukasz.zolc', userType: 'member' },
  { displayName: 'Søren Ørsted-Ñúñez', local: 'soren.orsted-nunez', userType: 'member' },
] as const;

const FIRST_NAMES = [
  'Adele', 'Alex', 'Megan', 'Lee', 'Diego', 'Isaiah', 'Grady', 'Johanna', 'Lidia', 'Lynne', 'Miriam', 'Nestor',
  'Patti', 'Pradeep', 'Joni', 'Henrietta', 'Irvin', 'Christie', 'Zoë', 'José', 'Chloé', 'Björn', 'Siobhán',
  'François', 'Mårten', 'Aoife', 'Ana María', 'Renée', 'Jürgen', 'Øystein',
];
const LAST_NAMES = [
  'Vance', 'Wilber', 'Bowen', 'Pisani', 'Deyoung', 'Gonzales', 'Holt', 'Archer', 'Brown', 'Wright', 'Lozano',
  "O'Brien", "D'Angelo", 'Müller', 'García', 'Hernández', 'Ødegaard', 'Kowalski', 'Nakamura', 'Smith',
  "O'Neil-Ryan", 'Lefèvre', 'Åberg', 'Núñez',
];
const GUEST_DOMAINS = ['fabrikam.com', 'gmail.com', 'northwind.example', 'outlook.com'];

interface UserIdentity {
  displayName: string;
  userPrincipalName: string;
  userType: 'member' | 'guest';
}

/** Keeps what a user principal name may hold: ASCII letters, digits and `'`, `.`, `-`, `_`. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9'._-]/g, '');
}

/** Who user number `index` is; the specials first, then generated names made unique by their index. */
export function userIdentity(index: number, prng: Prng): UserIdentity {
  const special = SPECIAL_USERS[index];
  if (special) {
    return { displayName: special.displayName, userPrincipalName: `${special.local}@${DOMAIN}`, userType: special.userType };
  }
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const local = `${slug(first)}.${slug(last)}${index}`;
  if (prng.chance(0.12)) {
    const home = prng.pick(GUEST_DOMAINS);
    return { displayName: `${first} ${last}`, userPrincipalName: `${local}_${home}#EXT#@${DOMAIN}`, userType: 'guest' };
  }
  return { displayName: `${first} ${last}`, userPrincipalName: `${local}@${DOMAIN}`, userType: 'member' };
}

/**
 * Whether an admin holds one of the privileged roles (Global, Security, … Administrator). Graph's row
 * does not show it, so it is derived from the id: about half of the admins, the same on every run.
 */
export function isPrivilegedAdmin(row: Pick<UserRegistrationDetailsRow, 'id' | 'isAdmin'>): boolean {
  return row.isAdmin === true && parseInt(row.id.charAt(0), 16) < 8;
}

/** Methods a user may have registered (the successor's open strings) and how often. */
const METHOD_ODDS: readonly [string, number][] = [
  ['mobilePhone', 0.55], ['email', 0.35], ['microsoftAuthenticatorPush', 0.45], ['softwareOneTimePasscode', 0.25],
  ['officePhone', 0.08], ['alternateMobilePhone', 0.06], ['securityQuestion', 0.1], ['fido2SecurityKey', 0.06],
  ['windowsHelloForBusiness', 0.1], ['passKeyDeviceBound', 0.04], ['appPassword', 0.02], ['externalAuthMethod', 0.03],
];
/** The legacy registrationAuthMethod each successor method is reported as; absent ones have none. */
const LEGACY_NAME: Readonly<Record<string, string>> = {
  mobilePhone: 'mobilePhone', email: 'email', officePhone: 'officePhone', alternateMobilePhone: 'alternateMobilePhone',
  securityQuestion: 'securityQuestion', microsoftAuthenticatorPush: 'appNotification', softwareOneTimePasscode: 'appCode',
  fido2SecurityKey: 'fido', appPassword: 'appPassword', externalAuthMethod: 'externalAuthMethod',
};
const SSPR_METHODS = new Set(['mobilePhone', 'email', 'officePhone', 'alternateMobilePhone', 'securityQuestion', 'microsoftAuthenticatorPush', 'softwareOneTimePasscode']);
const MFA_METHODS = new Set(['mobilePhone', 'officePhone', 'alternateMobilePhone', 'microsoftAuthenticatorPush', 'softwareOneTimePasscode', 'fido2SecurityKey', 'windowsHelloForBusiness', 'passKeyDeviceBound', 'externalAuthMethod']);
const PASSWORDLESS_METHODS = new Set(['fido2SecurityKey', 'windowsHelloForBusiness', 'passKeyDeviceBound']);

function pickMethods(index: number, prng: Prng): string[] {
  if (index > 5 && prng.chance(0.15)) return [];
  const methods = METHOD_ODDS.filter(([, odds]) => prng.chance(odds)).map(([name]) => name);
  // The specials guarantee that even a tiny tenant holds an evolvable member and a value outside the enum.
  if (index === 0 && !methods.includes('mobilePhone')) methods.unshift('mobilePhone');
  if (index === 1 && !methods.includes('externalAuthMethod')) methods.push('externalAuthMethod');
  return methods;
}

function secondFactor(methods: readonly string[], prng: Prng): { preferred: string; mfaDefault: string; system: string[] } {
  if (methods.includes('microsoftAuthenticatorPush')) return { preferred: 'push', mfaDefault: 'microsoftAuthenticatorPush', system: ['push'] };
  if (methods.includes('softwareOneTimePasscode')) return { preferred: 'oath', mfaDefault: 'softwareOneTimePasscode', system: ['oath'] };
  if (methods.includes('mobilePhone')) return { preferred: prng.chance(0.5) ? 'sms' : 'voiceMobile', mfaDefault: 'mobilePhone', system: ['sms'] };
  if (methods.includes('officePhone')) return { preferred: 'voiceOffice', mfaDefault: 'officePhone', system: ['voiceOffice'] };
  if (methods.includes('alternateMobilePhone')) return { preferred: 'voiceAlternateMobile', mfaDefault: 'alternateMobilePhone', system: ['voiceAlternateMobile'] };
  return { preferred: 'none', mfaDefault: 'none', system: [] };
}

/**
 * User number `index` of a seeded tenant, as the legacy and the successor registration reports show
 * them: same id, same name, same MFA facts. The legacy booleans are the successor's SSPR ones
 * (`isRegistered` = `isSsprRegistered`, `isEnabled` = `isSsprEnabled`, `isCapable` = `isSsprCapable`).
 */
export function seedUser(seed: number, index: number, referenceMs: number): {
  registration: CredentialUserRegistrationDetailsRow;
  details: UserRegistrationDetailsRow;
  prng: Prng;
} {
  const prng = Prng.of(seed, 'user', index);
  const id = prng.guid();
  const who = userIdentity(index, prng);
  const methods = pickMethods(index, prng);
  const isAdmin = who.userType === 'member' && (index === 0 || prng.chance(0.08));
  const isSsprEnabled = prng.chance(0.7);
  const isSsprRegistered = methods.some((m) => SSPR_METHODS.has(m));
  const isMfaRegistered = methods.some((m) => MFA_METHODS.has(m));
  const isSystemPreferred = prng.chance(0.6);
  const factor = secondFactor(methods, prng);
  // Graph's own sample answers "" for a guest without methods: an upstream value outside the enum.
  const preferred = factor.preferred === 'none' && who.userType === 'guest' ? '' : factor.preferred;
  const legacyMethods = methods.flatMap((m) => {
    const legacy = LEGACY_NAME[m];
    if (legacy === undefined) return [];
    // Graph's docs show `mobileSMS`, a usage method, inside registration authMethods; so do we, sometimes.
    return legacy === 'mobilePhone' && (index === 0 || prng.chance(0.15)) ? ['mobileSMS'] : [legacy];
  });
  const details: UserRegistrationDetailsRow = {
    id,
    userPrincipalName: who.userPrincipalName,
    userDisplayName: who.displayName,
    userType: who.userType,
    isAdmin,
    isMfaCapable: isMfaRegistered && !prng.chance(0.1),
    isMfaRegistered,
    isPasswordlessCapable: methods.some((m) => PASSWORDLESS_METHODS.has(m)),
    isSsprCapable: isSsprEnabled && isSsprRegistered,
    isSsprEnabled,
    isSsprRegistered,
    isSystemPreferredAuthenticationMethodEnabled: isSystemPreferred,
    lastUpdatedDateTime: new Date(referenceMs - prng.int(72 * 3600) * 1000).toISOString().replace('.000Z', 'Z'),
    methodsRegistered: methods,
    systemPreferredAuthenticationMethods: isSystemPreferred ? factor.system : [],
    userPreferredMethodForSecondaryAuthentication: preferred,
    defaultMfaMethod: factor.mfaDefault,
  };
  // The fixed users stay whole (a tiny tenant still shows every kind of value); the next ones carry one
  // forced gap each, one nullable property after the other.
  const gaps = index < SPECIAL_USERS.length ? null : Prng.of(seed, 'user-nulls', index);
  const forced = nullableProperties(userRegistrationDetailsEntity)[index - SPECIAL_USERS.length];
  const registration: CredentialUserRegistrationDetailsRow = {
    id,
    userPrincipalName: who.userPrincipalName,
    userDisplayName: who.displayName,
    authMethods: legacyMethods,
    isRegistered: details.isSsprRegistered,
    isEnabled: details.isSsprEnabled,
    isCapable: details.isSsprCapable,
    isMfaRegistered,
  };
  return { registration, details: gaps === null ? details : withGraphNulls(details, userRegistrationDetailsEntity, gaps, forced), prng };
}

/** Mostly the classic members, and about a third evolvable ones (declared after `unknownFutureValue`). */
const AUTH_METHODS = [
  'email', 'mobileSMS', 'mobileCall', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
  'alternateMobileCall', 'fido', 'appPassword', 'email', 'mobileSMS', 'appNotification', 'appCode',
  'externalAuthMethod', 'microsoftAuthenticatorPush', 'windowsHelloForBusiness', 'fido2SecurityKey',
  'temporaryAccessPass', 'softwareOneTimePasscode', 'passKeyDeviceBound', 'sms',
];
const FAILURE_REASONS = [
  'UserCancelled',
  'InvalidVerificationCode',
  "The user didn't complete the verification",
  'Timeout: 50% of retries used & gave up',
  'SMS delivery failed #3 + retry',
];
const THIRTY_DAYS_S = 30 * 24 * 3600;

/** 0–5 registration or reset events for one user, within the 30 days before the reference instant. */
export function seedUsageEvents(
  user: { userPrincipalName: string; userDisplayName: string },
  index: number,
  prng: Prng,
  referenceMs: number,
): UserCredentialUsageDetailsRow[] {
  // The first user always has events, so that a tiny tenant still links registrations to usage.
  const count = index === 0 ? 3 : prng.int(6);
  return Array.from({ length: count }, (): UserCredentialUsageDetailsRow => {
    const isSuccess = prng.chance(0.8);
    return {
      id: prng.guid(),
      feature: prng.chance(0.6) ? 'registration' : 'reset',
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.userDisplayName,
      isSuccess,
      authMethod: prng.pick(AUTH_METHODS),
      failureReason: isSuccess ? '' : prng.pick(FAILURE_REASONS),
      eventDateTime: new Date(referenceMs - (1 + prng.int(THIRTY_DAYS_S)) * 1000).toISOString().replace('.000Z', 'Z'),
    };
  });
}

const TENANT_NAMES = [
  'Contoso & Sons', "O'Reilly Media", 'Fabrikam #2', 'Ünïcödé GmbH', '100% Uptime + Co', 'Tailspin Toys',
  'Northwind Traders', 'Wingtip Toys', 'Adventure Works', 'Litware, Inc.', 'Proseware', 'Woodgrove Bank',
  'Coho Winery', 'Alpine Ski House', 'Fourth Coffee', 'Blue Yonder Airlines', 'Lamna Healthcare',
  'Relecloud', 'Trey Research', 'VanArsdel Ltd', 'Wide World Importers', 'Margie\'s Travel', 'Humongous Insurance',
  'Graphic Design Institute', 'Lucerne Publishing',
];
const LICENSES = ['AADFree', 'AADPremium1', 'AADPremium2'];
const POLICY_STATES = ['enabled', 'disabled', 'reportOnly'];

/** The first tenants' names exercise escaping, so they stay whole; the others carry Graph's nulls. */
const WHOLE_TENANTS = 5;

/**
 * The managed tenants' summaries: a fixed list of 25, counts consistent with each other, then nulls where
 * Graph allows them (every property but the key), each nullable property forced null in one tenant.
 */
export function seedTenantSummaries(seed: number, referenceMs: number): CredentialUserRegistrationsSummaryRow[] {
  const nullable = nullableProperties(credentialUserRegistrationsSummaryEntity);
  return TENANT_NAMES.map((tenantDisplayName, index): CredentialUserRegistrationsSummaryRow => {
    const row = seedTenantSummary(seed, referenceMs, tenantDisplayName, index);
    if (index < WHOLE_TENANTS) return row;
    return withGraphNulls(row, credentialUserRegistrationsSummaryEntity, Prng.of(seed, 'tenant-nulls', index), nullable[index - WHOLE_TENANTS]);
  });
}

function seedTenantSummary(seed: number, referenceMs: number, tenantDisplayName: string, index: number): CredentialUserRegistrationsSummaryRow {
  const prng = Prng.of(seed, 'tenant', index);
  const totalUserCount = 5 + prng.int(5000);
  const mfaRegisteredUserCount = prng.int(totalUserCount + 1);
  const ssprRegisteredUserCount = prng.int(totalUserCount + 1);
  return {
    id: prng.guid(),
    tenantId: prng.guid(),
    tenantDisplayName,
    lastRefreshedDateTime: new Date(referenceMs - prng.int(48 * 3600) * 1000).toISOString().replace('.000Z', 'Z'),
    mfaAndSsprCapableUserCount: Math.min(mfaRegisteredUserCount, ssprRegisteredUserCount),
    mfaConditionalAccessPolicyState: prng.pick(POLICY_STATES),
    mfaExcludedUserCount: prng.int(Math.max(1, Math.floor(totalUserCount / 20))),
    mfaRegisteredUserCount,
    securityDefaultsEnabled: prng.chance(0.4),
    ssprEnabledUserCount: Math.max(ssprRegisteredUserCount, prng.int(totalUserCount + 1)),
    ssprRegisteredUserCount,
    tenantLicenseType: prng.pick(LICENSES),
    totalUserCount,
  };
}

/** Fixed, so that the same seed gives the same data on any day; periods reach back from here. */
const REFERENCE_DATE_TIME = '2025-06-30T12:00:00Z';

/** The seeded tenant: `users` users (each with both registration views and 0–5 events), 25 managed tenants. */
export function createEmulatorData(seed: number, users: number): EmulatorData {
  const referenceMs = Date.parse(REFERENCE_DATE_TIME);
  const registrationDetails: CredentialUserRegistrationDetailsRow[] = new Array(users);
  const userRegistrationDetails: UserRegistrationDetailsRow[] = new Array(users);
  const usageDetails: UserCredentialUsageDetailsRow[] = [];
  for (let index = 0; index < users; index++) {
    const { registration, details, prng } = seedUser(seed, index, referenceMs);
    registrationDetails[index] = registration;
    userRegistrationDetails[index] = details;
    for (const event of seedUsageEvents(registration, index, prng, referenceMs)) usageDetails.push(event);
  }
  return {
    referenceDateTime: REFERENCE_DATE_TIME,
    registrationDetails,
    usageDetails,
    tenantSummaries: seedTenantSummaries(seed, referenceMs),
    userRegistrationDetails,
    userEventsSummary: usageDetails,
  };
}
