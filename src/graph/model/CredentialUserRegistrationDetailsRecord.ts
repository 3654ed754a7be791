/**
 * One row of `/beta/reports/credentialUserRegistrationDetails` as Graph sends it. Enum members are plain
 * strings: upstream may send members newer than the gateway, which resolvers normalise.
 */
export interface CredentialUserRegistrationDetailsRecord {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly userDisplayName: string;
  /** `registrationAuthMethod` members. */
  readonly authMethods: readonly string[];
  readonly isRegistered: boolean;
  readonly isEnabled: boolean;
  readonly isCapable: boolean;
  readonly isMfaRegistered: boolean;
}
