import { toGraphQLEnumName } from '../../src/enums';

describe('toGraphQLEnumName', () => {
  it.each([
    ['mobileSMS', 'MOBILE_SMS'],
    ['fido2SecurityKey', 'FIDO2_SECURITY_KEY'],
    ['macOsSecureEnclaveKey', 'MAC_OS_SECURE_ENCLAVE_KEY'],
    ['email', 'EMAIL'],
    ['unknownFutureValue', 'UNKNOWN_FUTURE_VALUE'],
    ['passKeyDeviceBoundWindowsHello', 'PASS_KEY_DEVICE_BOUND_WINDOWS_HELLO'],
    ['sms', 'SMS'],
    ['qrCode', 'QR_CODE'],
    ['ssprRegistered', 'SSPR_REGISTERED'],
    ['privilegedAdmin', 'PRIVILEGED_ADMIN'],
    ['d30', 'D30'],
  ])('turns the Graph member %s into the GraphQL value %s', (member, expected) => {
    expect(toGraphQLEnumName(member)).toBe(expected);
  });

  it('keeps a digit with the word before it and splits before the next capital', () => {
    expect(toGraphQLEnumName('windows10Device')).toBe('WINDOWS10_DEVICE');
  });

  it('keeps a run of capitals together as one word', () => {
    expect(toGraphQLEnumName('viaSMSCode')).toBe('VIA_SMSCODE');
  });

  it.each(['', 'mobile-sms', 'mobile sms', '2fa', '_private'])(
    'refuses %j, which is not a camelCase identifier, and echoes it',
    (member) => {
      expect(() => toGraphQLEnumName(member)).toThrow(
        `a Graph enum member must be a camelCase identifier, but got: ${JSON.stringify(member)}`,
      );
    },
  );
});
