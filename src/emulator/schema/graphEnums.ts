/**
 * Graph's enum members in `$metadata` order, as the emulator knows them. Deliberately a copy, not an
 * import of the gateway's list: the emulator stands in for Graph, so a mistake in the gateway's enums
 * must show up as a mismatch instead of being mirrored here. Members after `unknownFutureValue` are the
 * evolvable ones, hidden unless the caller sends `Prefer: include-unknown-enum-members`.
 */
export const graphEnums = {
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

export type GraphEnumName = keyof typeof graphEnums;
