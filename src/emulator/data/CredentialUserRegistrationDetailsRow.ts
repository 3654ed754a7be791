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
