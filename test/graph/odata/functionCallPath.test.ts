import { functionCallPath } from '../../../src/graph/odataLiterals';

describe('functionCallPath', () => {
  it('leaves the path alone without parameters', () => {
    expect(functionCallPath('/reports/getCredentialUserRegistrationCount', undefined)).toBe('/reports/getCredentialUserRegistrationCount');
    expect(functionCallPath('/reports/getCredentialUserRegistrationCount', {})).toBe('/reports/getCredentialUserRegistrationCount');
  });

  it('writes parameters as quoted literals in name order, whatever the key order', () => {
    expect(functionCallPath('/reports/getCredentialUsageSummary', { period: 'D30' })).toBe("/reports/getCredentialUsageSummary(period='D30')");
    const path = '/reports/authenticationMethods/usersRegisteredByFeature';
    const expected = `${path}(includedUserRoles='all',includedUserTypes='member')`;
    expect(functionCallPath(path, { includedUserTypes: 'member', includedUserRoles: 'all' })).toBe(expected);
    expect(functionCallPath(path, { includedUserRoles: 'all', includedUserTypes: 'member' })).toBe(expected);
  });

  it('refuses values that are not simple tokens', () => {
    for (const value of ["D30')/x", 'D 30', '', 'x'.repeat(65), "'", '../x', 'D30%27']) {
      expect(() => functionCallPath('/f', { period: value })).toThrow(
        `\`period\` accepts a token of letters, digits, _ . - (at most 64), but got: ${JSON.stringify(value)}`,
      );
    }
  });

  it('refuses parameter names that are not identifiers', () => {
    expect(() => functionCallPath('/f', { 'period)': 'D30' })).toThrow(
      'function parameter names of /f accept letters, digits and _ (at most 64), but got: "period)"',
    );
  });
});
