import { Kind } from 'graphql';
import { safeIntScalar } from '../../src/apollo/schema';

describe('safeIntScalar', () => {
  it('serializes Int64 counts beyond 32 bits up to 2^53-1 as numbers', () => {
    expect(safeIntScalar.serialize(23_423)).toBe(23_423);
    expect(safeIntScalar.serialize(2 ** 31)).toBe(2 ** 31);
    expect(safeIntScalar.serialize(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([2 ** 53, 1.5, 'many'])('refuses to serialize %p', (value) => {
    expect(() => safeIntScalar.serialize(value)).toThrow();
  });

  it('parses safe integers from variables and literals', () => {
    expect(safeIntScalar.parseValue(9_007_199_254_740_991)).toBe(9_007_199_254_740_991);
    expect(safeIntScalar.parseLiteral({ kind: Kind.INT, value: '4294967296' })).toBe(4_294_967_296);
  });

  it('carries only its name and coercion, so the schema keeps its own description', () => {
    expect(safeIntScalar.name).toBe('SafeInt');
    expect(safeIntScalar.description).toBeUndefined();
    expect(safeIntScalar.specifiedByURL).toBeUndefined();
  });
});
