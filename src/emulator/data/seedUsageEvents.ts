import type { Prng } from './Prng';
import type { UserCredentialUsageDetailsRow } from './UserCredentialUsageDetailsRow';

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
      failureReason: isSuccess ? null : prng.pick(FAILURE_REASONS),
      eventDateTime: new Date(referenceMs - (1 + prng.int(THIRTY_DAYS_S)) * 1000).toISOString().replace('.000Z', 'Z'),
    };
  });
}
