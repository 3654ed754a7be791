import { GraphError } from '../../../src/emulator/http';
import { parseFilter } from '../../../src/emulator/odataParse';

describe('parseFilter', () => {
  it('binds and tighter than or, and honours parentheses', () => {
    expect(parseFilter("a eq 1 or b eq true and c eq 'x'")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', property: 'a', literal: { kind: 'number', text: '1' }, pos: 0 },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', property: 'b', literal: { kind: 'boolean', value: true }, pos: 10 },
        right: { kind: 'compare', op: 'eq', property: 'c', literal: { kind: 'string', value: 'x' }, pos: 24 },
      },
    });
    expect(parseFilter('(a eq 1 or b eq 2) and c eq null')).toMatchObject({ kind: 'and', left: { kind: 'or' }, right: { literal: { kind: 'null' } } });
  });

  it('reads startswith calls and any() lambdas with an or inside', () => {
    expect(parseFilter("startsWith(userPrincipalName,'a''b')")).toEqual({ kind: 'call', name: 'startswith', property: 'userPrincipalName', literal: { kind: 'string', value: "a'b" }, pos: 0 });
    expect(parseFilter("authMethods/any(t: t eq 'email' or t eq 'fido')")).toMatchObject({
      kind: 'lambda', op: 'any', collection: 'authMethods', variable: 't', body: { kind: 'or' },
    });
  });

  it.each([
    ['', 'BadRequest'],
    ['a eq', 'BadRequest'],
    ['a eq 1 b eq 2', 'BadRequest'],
    ['(a eq 1', 'BadRequest'],
    ['a lt', 'BadRequest'],
    ['a like 1', 'BadRequest'],
    ['a eq b', 'Request_UnsupportedQuery'],
    ['not a eq 1', 'Request_UnsupportedQuery'],
    ['a has 1', 'Request_UnsupportedQuery'],
    ['a/b eq 1', 'Request_UnsupportedQuery'],
  ])('refuses %p with a 400 %s', (text, code) => {
    let caught: unknown;
    try {
      parseFilter(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphError);
    expect([(caught as GraphError).status, (caught as GraphError).code]).toEqual([400, code]);
  });
});
