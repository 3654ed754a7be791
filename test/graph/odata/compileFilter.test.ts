import { compileFilter } from '../../../src/graph/odata';
import type { FilterExpression } from '../../../src/graph/odata';
import { ODataCompileError } from '../../../src/graph/errors';
import { credentialUserRegistrationDetails as registrations } from '../../../src/reports/registrationDetails';

const name = (value: string): FilterExpression => ({ kind: 'startsWith', property: 'userDisplayName', value });
const flag = (property: string, value: boolean): FilterExpression => ({
  kind: 'compare', property, op: 'eq', value: { kind: 'boolean', value },
});
const and = (...operands: FilterExpression[]): FilterExpression => ({ kind: 'and', operands });
const or = (...operands: FilterExpression[]): FilterExpression => ({ kind: 'or', operands });

describe('compileFilter', () => {
  it('joins and-ed conditions without parentheses', () => {
    expect(compileFilter(registrations, and(name('a'), flag('isEnabled', true), flag('isCapable', false)))).toBe(
      "startswith(userDisplayName,'a') and isEnabled eq true and isCapable eq false",
    );
  });

  it('parenthesises an or inside an and, because and binds tighter', () => {
    expect(compileFilter(registrations, and(or(name('a'), name('b')), flag('isEnabled', true)))).toBe(
      "(startswith(userDisplayName,'a') or startswith(userDisplayName,'b')) and isEnabled eq true",
    );
  });

  it('leaves an and inside an or bare, since precedence already groups it', () => {
    expect(compileFilter(registrations, or(and(name('a'), flag('isEnabled', true)), name('b')))).toBe(
      "startswith(userDisplayName,'a') and isEnabled eq true or startswith(userDisplayName,'b')",
    );
  });

  it('compiles an empty and to nothing, and drops empty ands from their parent', () => {
    expect(compileFilter(registrations, and())).toBe('');
    expect(compileFilter(registrations, and(and(), name('a'), and(and())))).toBe("startswith(userDisplayName,'a')");
  });

  it('treats an or with an unconstrained operand as unconstrained', () => {
    expect(compileFilter(registrations, and(or(and(), name('a')), flag('isEnabled', true)))).toBe('isEnabled eq true');
  });

  it('unwraps single-operand groups, so no parentheses surround one condition', () => {
    expect(compileFilter(registrations, and(or(name('a')), flag('isEnabled', true)))).toBe(
      "startswith(userDisplayName,'a') and isEnabled eq true",
    );
  });

  it('keeps the whole any lambda as one operand of and', () => {
    const any: FilterExpression = { kind: 'any', property: 'authMethods', values: [{ kind: 'enum', value: 'email' }, { kind: 'enum', value: 'fido' }] };
    expect(compileFilter(registrations, and(any, flag('isMfaRegistered', true)))).toBe(
      "authMethods/any(t:t eq 'email' or t eq 'fido') and isMfaRegistered eq true",
    );
  });

  it('refuses an empty or, which would match nothing', () => {
    expect(() => compileFilter(registrations, or())).toThrow(
      new ODataCompileError('$filter', '`$filter` accepts `or` with at least one operand (an empty `or` matches nothing), but got: none'),
    );
  });

  it('refuses an expression of an unknown kind', () => {
    const bogus = { kind: 'not', operand: name('a') } as unknown as FilterExpression;
    expect(() => compileFilter(registrations, bogus)).toThrow('accepts expressions of kind compare, startsWith, any, and, or, but got: "not"');
  });

  it('refuses a disallowed condition deep inside the tree', () => {
    const deep = and(or(name('a'), and(flag('isEnabled', true), flag('isAdmin', true))));
    expect(() => compileFilter(registrations, deep)).toThrow('but got: "isAdmin"');
  });
});
