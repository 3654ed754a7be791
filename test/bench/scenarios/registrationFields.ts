/** The registration fields every list scenario selects: all but `authMethods` (see evolvableEnumScenario). */
export const registrationFields = 'id userPrincipalName userDisplayName isRegistered isEnabled isCapable isMfaRegistered';
