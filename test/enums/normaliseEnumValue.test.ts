import { normaliseEnumValue } from '../../src/enums';

function recorder(): { calls: [string, string][]; onUnknown: (enumName: string, value: string) => void } {
  const calls: [string, string][] = [];
  return { calls, onUnknown: (enumName, value) => void calls.push([enumName, value]) };
}

describe('normaliseEnumValue', () => {
  it('returns a known member unchanged and reports nothing', () => {
    const { calls, onUnknown } = recorder();
    expect(normaliseEnumValue('usageAuthMethod', 'mobileSMS', onUnknown)).toBe('mobileSMS');
    expect(normaliseEnumValue('usageAuthMethod', 'qrCode', onUnknown)).toBe('qrCode');
    expect(calls).toEqual([]);
  });

  it('keeps unknownFutureValue itself as a known member without reporting it', () => {
    const { calls, onUnknown } = recorder();
    expect(normaliseEnumValue('featureType', 'unknownFutureValue', onUnknown)).toBe('unknownFutureValue');
    expect(calls).toEqual([]);
  });

  it('turns a member of another enum into unknownFutureValue and reports the enum and the value', () => {
    const { calls, onUnknown } = recorder();
    // Graph's own documentation returns mobileSMS inside registrationAuthMethod collections.
    expect(normaliseEnumValue('registrationAuthMethod', 'mobileSMS', onUnknown)).toBe('unknownFutureValue');
    expect(calls).toEqual([['registrationAuthMethod', 'mobileSMS']]);
  });

  it('matches members case-sensitively, as Graph spells them', () => {
    const { calls, onUnknown } = recorder();
    expect(normaliseEnumValue('featureType', 'Reset', onUnknown)).toBe('unknownFutureValue');
    expect(calls).toEqual([['featureType', 'Reset']]);
  });

  it('treats a non-string as unknown and reports its JSON text', () => {
    const { calls, onUnknown } = recorder();
    expect(normaliseEnumValue('featureType', 3, onUnknown)).toBe('unknownFutureValue');
    expect(calls).toEqual([['featureType', '3']]);
  });

  it.each([null, undefined, ''])('keeps %p as null without reporting: "" is no value, not a new member', (raw) => {
    const { calls, onUnknown } = recorder();
    expect(normaliseEnumValue('signInUserType', raw, onUnknown)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('reports every unknown value each time, leaving de-duplication to the caller', () => {
    const { calls, onUnknown } = recorder();
    normaliseEnumValue('includedUserRoles', 'owner', onUnknown);
    normaliseEnumValue('includedUserRoles', 'owner', onUnknown);
    expect(calls).toEqual([
      ['includedUserRoles', 'owner'],
      ['includedUserRoles', 'owner'],
    ]);
  });
});
