import { normaliseEnumList } from '../../src/enums';

describe('normaliseEnumList', () => {
  it('keeps known members in order and turns unknown ones into unknownFutureValue in place', () => {
    const reported: string[] = [];
    const result = normaliseEnumList('registrationAuthMethod', ['email', 'mobileSMS', 'fido', 'passkey'], (_, v) =>
      reported.push(v),
    );
    expect(result).toEqual(['email', 'unknownFutureValue', 'fido', 'unknownFutureValue']);
    expect(reported).toEqual(['mobileSMS', 'passkey']);
  });

  it('drops null and "" members, because the schema lists hold non-null members and "" is no value', () => {
    const reported: string[] = [];
    expect(normaliseEnumList('registrationAuthMethod', ['email', null, '', 'appCode'], (_, v) => reported.push(v))).toEqual([
      'email',
      'appCode',
    ]);
    expect(reported).toEqual([]);
  });

  it('returns null for a missing collection and an empty list for an empty one', () => {
    expect(normaliseEnumList('registrationAuthMethod', undefined, () => undefined)).toBeNull();
    expect(normaliseEnumList('registrationAuthMethod', null, () => undefined)).toBeNull();
    expect(normaliseEnumList('registrationAuthMethod', [], () => undefined)).toEqual([]);
  });

  it('reads a single value where a collection was expected as a one-member collection', () => {
    expect(normaliseEnumList('registrationAuthMethod', 'officePhone', () => undefined)).toEqual(['officePhone']);
  });
});
