import { compileCondition } from '../../../src/graph/odata';
import type { FilterValue } from '../../../src/graph/odata';
import { ODataCompileError } from '../../../src/graph/errors';
import type { ReportSpec } from '../../../src/graph/odata';
import { credentialUserRegistrationDetails as registrations } from '../../../src/reports/registrationDetails';
import { userCredentialUsageDetails as usage } from '../../../src/reports/usageDetails';

const text = (value: string): FilterValue => ({ kind: 'string', value });
const enumValue = (value: string): FilterValue => ({ kind: 'enum', value });

function refusal(run: () => unknown): ODataCompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ODataCompileError) return error;
    throw error;
  }
  throw new Error('expected an ODataCompileError, but the condition compiled');
}

const methods: ReportSpec = {
  name: 'methods',
  version: 'v1.0',
  path: '/reports/authenticationMethods/userRegistrationDetails',
  filterable: { methodsRegistered: { type: 'stringCollection' } },
  orderable: [],
  addressableById: true,
  permissions: { delegated: 'AuditLog.Read.All', application: 'AuditLog.Read.All' },
};

describe('compileCondition', () => {
  it('writes eq and startswith on string properties with quoted literals', () => {
    expect(compileCondition(usage, { kind: 'compare', property: 'userPrincipalName', op: 'eq', value: text('a@b.com') })).toBe(
      "userPrincipalName eq 'a@b.com'",
    );
    expect(compileCondition(usage, { kind: 'startsWith', property: 'failureReason', value: "O'" })).toBe(
      "startswith(failureReason,'O''')",
    );
  });

  it('writes booleans bare and enum members as quoted string literals', () => {
    expect(compileCondition(usage, { kind: 'compare', property: 'isSuccess', op: 'eq', value: { kind: 'boolean', value: false } })).toBe(
      'isSuccess eq false',
    );
    expect(compileCondition(usage, { kind: 'compare', property: 'authMethod', op: 'eq', value: enumValue('mobileSMS') })).toBe(
      "authMethod eq 'mobileSMS'",
    );
  });

  it('writes every date-time operator with the normalised date unquoted', () => {
    for (const op of ['gt', 'ge', 'lt', 'le'] as const) {
      const value: FilterValue = { kind: 'dateTime', value: '2024-05-01T10:00:00+02:00' };
      expect(compileCondition(usage, { kind: 'compare', property: 'eventDateTime', op, value })).toBe(
        `eventDateTime ${op} 2024-05-01T08:00:00Z`,
      );
    }
  });

  it('writes any over enum and string collections as a lambda joined by or', () => {
    expect(
      compileCondition(registrations, { kind: 'any', property: 'authMethods', values: [enumValue('email'), enumValue('fido')] }),
    ).toBe("authMethods/any(t:t eq 'email' or t eq 'fido')");
    expect(compileCondition(methods, { kind: 'any', property: 'methodsRegistered', values: [text("it's")] })).toBe(
      "methodsRegistered/any(t:t eq 'it''s')",
    );
  });

  it('refuses a property the report does not list, naming the accepted ones and the one given', () => {
    const error = refusal(() => compileCondition(registrations, { kind: 'startsWith', property: 'mail', value: 'x' }));
    expect(error.property).toBe('mail');
    expect(error.message).toBe(
      '`$filter` on credentialUserRegistrationDetails accepts userDisplayName, userPrincipalName, authMethods, ' +
        'isRegistered, isEnabled, isCapable, isMfaRegistered, but got: "mail"',
    );
  });

  it('refuses inherited object keys as property names', () => {
    expect(refusal(() => compileCondition(usage, { kind: 'startsWith', property: 'constructor', value: 'x' })).property).toBe(
      'constructor',
    );
  });

  it('refuses operators a property does not allow, naming the allowed operators', () => {
    const cases: [ReportSpec, Parameters<typeof compileCondition>[1], string][] = [
      [usage, { kind: 'compare', property: 'userDisplayName', op: 'gt', value: text('a') }, '`userDisplayName` accepts the operators eq, startsWith, but got: "gt"'],
      [usage, { kind: 'startsWith', property: 'feature', value: 'reg' }, '`feature` accepts the operator eq, but got: "startsWith"'],
      [usage, { kind: 'compare', property: 'isSuccess', op: 'ge', value: { kind: 'boolean', value: true } }, '`isSuccess` accepts the operator eq, but got: "ge"'],
      [usage, { kind: 'compare', property: 'eventDateTime', op: 'eq', value: { kind: 'dateTime', value: '2024-01-01T00:00:00Z' } }, '`eventDateTime` accepts the operators gt, ge, lt, le, but got: "eq"'],
      [registrations, { kind: 'compare', property: 'authMethods', op: 'eq', value: enumValue('email') }, '`authMethods` accepts the operator any, but got: "eq"'],
      [registrations, { kind: 'any', property: 'userDisplayName', values: [text('a')] }, '`userDisplayName` accepts the operators eq, startsWith, but got: "any"'],
    ];
    for (const [spec, condition, message] of cases) {
      expect(refusal(() => compileCondition(spec, condition)).message).toBe(message);
    }
  });

  it('refuses a value of the wrong kind for the property', () => {
    const error = refusal(() => compileCondition(usage, { kind: 'compare', property: 'isSuccess', op: 'eq', value: text('true') }));
    expect(error.message).toBe('`isSuccess` accepts a value of kind boolean, but got: "string"');
    expect(
      refusal(() => compileCondition(registrations, { kind: 'any', property: 'authMethods', values: [text('email')] })).message,
    ).toBe('`authMethods` accepts a value of kind enum, but got: "string"');
  });

  it('refuses a boolean value that is not true or false at run time', () => {
    const value = { kind: 'boolean', value: 'yes' } as unknown as FilterValue;
    expect(refusal(() => compileCondition(usage, { kind: 'compare', property: 'isSuccess', op: 'eq', value })).message).toBe(
      '`isSuccess` accepts true or false, but got: "yes"',
    );
  });

  it('refuses enum values outside the members, listing the members', () => {
    const error = refusal(() => compileCondition(usage, { kind: 'compare', property: 'feature', op: 'eq', value: enumValue('Registration') }));
    expect(error.message).toBe('`feature` accepts one of registration, reset, unknownFutureValue, but got: "Registration"');
    // mobileSMS is a usage method, not a registration method: each property keeps its own member list.
    expect(
      refusal(() => compileCondition(registrations, { kind: 'any', property: 'authMethods', values: [enumValue('email'), enumValue('mobileSMS')] }))
        .message,
    ).toContain('but got: "mobileSMS"');
  });

  it('refuses any with no values', () => {
    expect(refusal(() => compileCondition(registrations, { kind: 'any', property: 'authMethods', values: [] })).message).toBe(
      '`authMethods` accepts `any` with at least one value, but got: a list with none',
    );
  });
});
