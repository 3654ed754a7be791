import { GraphError } from '../../../src/emulator/http';
import { parseSegment } from '../../../src/emulator/routes';

describe('parseSegment', () => {
  it('splits function parameters, quoted or bare, with doubled quotes', () => {
    expect(parseSegment("usersRegisteredByFeature(includedUserTypes='all', includedUserRoles=admin)")).toEqual({
      name: 'usersRegisteredByFeature', args: { includedUserTypes: 'all', includedUserRoles: 'admin' }, key: null,
    });
    expect(parseSegment("f(p='it''s')").args).toEqual({ p: "it's" });
    expect(parseSegment('getCredentialUserRegistrationCount()')).toEqual({ name: 'getCredentialUserRegistrationCount', args: {}, key: null });
    expect(parseSegment('plain')).toEqual({ name: 'plain', args: null, key: null });
  });

  it('reads an entity key in parentheses', () => {
    expect(parseSegment("credentialUserRegistrationDetails('abc-1')")).toEqual({ name: 'credentialUserRegistrationDetails', args: null, key: 'abc-1' });
  });

  it.each(["f(p='open)", 'f(p=1', "f(p='a' q='b')", "f(p='a',p='b')"])('refuses the malformed segment %p with a 400', (segment) => {
    expect(() => parseSegment(segment)).toThrow(GraphError);
  });
});
