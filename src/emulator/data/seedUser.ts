import type { CredentialUserRegistrationDetailsRow } from './CredentialUserRegistrationDetailsRow';
import { Prng } from './Prng';
import type { UserRegistrationDetailsRow } from './UserRegistrationDetailsRow';
import { userIdentity } from './userIdentity';

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
  return { registration, details, prng };
}
