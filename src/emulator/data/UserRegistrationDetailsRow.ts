/**
 * `microsoft.graph.userRegistrationDetails` as beta serves it; v1.0 serves the same without
 * `defaultMfaMethod`. `id` is the user's object id, the same as the legacy registration row's.
 */
export interface UserRegistrationDetailsRow {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  /** signInUserType: `member`, `guest`. */
  userType: string;
  isAdmin: boolean;
  isMfaCapable: boolean;
  isMfaRegistered: boolean;
  isPasswordlessCapable: boolean;
  isSsprCapable: boolean;
  isSsprEnabled: boolean;
  isSsprRegistered: boolean;
  isSystemPreferredAuthenticationMethodEnabled: boolean;
  lastUpdatedDateTime: string;
  /** Open strings upstream: `mobilePhone`, `microsoftAuthenticatorPush`, `passKeyDeviceBound`, … */
  methodsRegistered: string[];
  /** Open strings upstream: `push`, `oath`, `sms`, … */
  systemPreferredAuthenticationMethods: string[];
  /** userDefaultAuthenticationMethod; Graph sends `""` for some users with no method, so do we. */
  userPreferredMethodForSecondaryAuthentication: string;
  /** defaultMfaMethodType, beta only. */
  defaultMfaMethod: string;
}
