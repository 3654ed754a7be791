/**
 * Graph's enum members, camelCase as Graph spells them, in `$metadata` order (the evolvable members after
 * `unknownFutureValue` included). The GraphQL enums and the OData whitelist are both derived from these.
 */
export const GraphEnums = {
  registrationAuthMethod: [
    'email', 'mobilePhone', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
    'alternateMobilePhone', 'fido', 'appPassword', 'unknownFutureValue', 'externalAuthMethod',
  ],
  usageAuthMethod: [
    'email', 'mobileSMS', 'mobileCall', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
    'alternateMobileCall', 'fido', 'appPassword', 'unknownFutureValue', 'externalAuthMethod',
    'hardwareOneTimePasscode', 'windowsHelloForBusiness', 'microsoftAuthenticatorPasswordless',
    'temporaryAccessPass', 'macOsSecureEnclaveKey', 'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator',
    'passKeyDeviceBoundWindowsHello', 'softwareOneTimePasscode', 'microsoftAuthenticatorPush', 'mobilePhone',
    'sms', 'alternateMobilePhone', 'fido2SecurityKey', 'oneTimePasscode', 'passKeySynced', 'qrCode',
  ],
  featureType: ['registration', 'reset', 'unknownFutureValue'],
  registrationStatusType: ['registered', 'enabled', 'capable', 'mfaRegistered', 'unknownFutureValue'],
  // Successors (v1.0 `userRegistrationDetails` and the authentication-methods summaries; beta for defaultMfaMethodType).
  signInUserType: ['member', 'guest', 'unknownFutureValue'],
  userDefaultAuthenticationMethod: [
    'push', 'oath', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice', 'sms', 'none', 'unknownFutureValue',
  ],
  defaultMfaMethodType: [
    'none', 'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush',
    'softwareOneTimePasscode', 'unknownFutureValue',
  ],
  authenticationMethodFeature: [
    'ssprRegistered', 'ssprEnabled', 'ssprCapable', 'passwordlessCapable', 'mfaCapable', 'unknownFutureValue',
  ],
  includedUserRoles: ['all', 'privilegedAdmin', 'admin', 'user', 'unknownFutureValue'],
  includedUserTypes: ['all', 'member', 'guest', 'unknownFutureValue'],
} as const satisfies Record<string, readonly string[]>;

export type GraphEnumName = keyof typeof GraphEnums;
