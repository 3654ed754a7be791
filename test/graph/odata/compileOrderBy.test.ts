import { compileOrderBy } from '../../../src/graph/odata';
import type { OrderTerm } from '../../../src/graph/odata';
import { ODataCompileError } from '../../../src/graph/errors';
import { credentialUserRegistrationDetails as registrations } from '../../../src/reports/registrationDetails';
import { credentialUsageSummary } from '../../../src/reports/summaries';

describe('compileOrderBy', () => {
  it('joins terms in the given order with commas', () => {
    expect(
      compileOrderBy(registrations, [
        { property: 'userDisplayName', direction: 'asc' },
        { property: 'isMfaRegistered', direction: 'desc' },
      ]),
    ).toBe('userDisplayName asc,isMfaRegistered desc');
    expect(
      compileOrderBy(registrations, [
        { property: 'isMfaRegistered', direction: 'desc' },
        { property: 'userDisplayName', direction: 'asc' },
      ]),
    ).toBe('isMfaRegistered desc,userDisplayName asc');
  });

  it('compiles no terms to nothing', () => {
    expect(compileOrderBy(registrations, [])).toBe('');
  });

  it('refuses a property the report cannot order by, listing the orderable ones', () => {
    let error: unknown;
    try {
      compileOrderBy(registrations, [{ property: 'authMethods', direction: 'asc' }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ODataCompileError);
    expect((error as ODataCompileError).property).toBe('authMethods');
    expect((error as ODataCompileError).message).toBe(
      '`$orderby` on credentialUserRegistrationDetails accepts userDisplayName, userPrincipalName, isRegistered, ' +
        'isEnabled, isCapable, isMfaRegistered, but got: "authMethods"',
    );
  });

  it('says so when a report orders by nothing', () => {
    expect(() => compileOrderBy(credentialUsageSummary, [{ property: 'feature', direction: 'asc' }])).toThrow(
      '`$orderby` on credentialUsageSummary accepts no properties, but got: "feature"',
    );
  });

  it('refuses the same property twice, even with another direction', () => {
    expect(() =>
      compileOrderBy(registrations, [
        { property: 'userDisplayName', direction: 'asc' },
        { property: 'userDisplayName', direction: 'desc' },
      ]),
    ).toThrow('`$orderby` accepts each property once, but got `userDisplayName` twice');
  });

  it('refuses a direction other than asc or desc', () => {
    const term = { property: 'userDisplayName', direction: 'ASC' } as unknown as OrderTerm;
    expect(() => compileOrderBy(registrations, [term])).toThrow(
      '`$orderby` direction for `userDisplayName` accepts asc or desc, but got: "ASC"',
    );
  });
});
