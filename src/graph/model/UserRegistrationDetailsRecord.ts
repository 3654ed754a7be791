/**
 * One row of `/v1.0/reports/authenticationMethods/userRegistrationDetails` as Graph sends it; `id` is the
 * Entra user object id. Enum members are plain strings that resolvers normalise.
 */
export interface UserRegistrationDetailsRecord {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly userDisplayName?: string | null;
  /** A `signInUserType` member. */
  readonly userType?: string | null;
  readonly isAdmin: boolean;
  readonly isMfaCapable: boolean;
  readonly isMfaRegistered: boolean;
  readonly isPasswordlessCapable: boolean;
  readonly isSsprCapable: boolean;
  readonly isSsprEnabled: boolean;
  readonly isSsprRegistered: boolean;
  readonly isSystemPreferredAuthenticationMethodEnabled: boolean;
  /** ISO 8601, as Graph writes it. */
  readonly lastUpdatedDateTime?: string | null;
  readonly methodsRegistered: readonly string[];
  readonly systemPreferredAuthenticationMethods: readonly string[];
  /** A `userDefaultAuthenticationMethod` member. */
  readonly userPreferredMethodForSecondaryAuthentication?: string | null;
  /** A `defaultMfaMethodType` member; only the beta endpoint sends it. */
  readonly defaultMfaMethod?: string | null;
}
