import { GraphError } from '../../../src/emulator/http';
import { tokenize } from '../../../src/emulator/odataParse';

describe('tokenize', () => {
  it('reads identifiers, doubled quotes, date-times, numbers, qualified enums and punctuation', () => {
    const tokens = tokenize("authMethods/any(t:t eq 'O''Brien') and eventDateTime ge 2025-06-01T00:00:00.5Z or n gt -12 or f eq microsoft.graph.featureType'reset'", '$filter');
    expect(tokens.map((t) => (t.kind === 'string' ? `s:${t.value}` : t.kind === 'enum' ? `e:${t.typeName}:${t.value}` : t.kind === 'end' ? 'END' : `${t.kind[0]}:${t.text}`))).toEqual([
      'i:authMethods', 'p:/', 'i:any', 'p:(', 'i:t', 'p::', 'i:t', 'i:eq', "s:O'Brien", 'p:)', 'i:and', 'i:eventDateTime', 'i:ge',
      'd:2025-06-01T00:00:00.5Z', 'i:or', 'i:n', 'i:gt', 'n:-12', 'i:or', 'i:f', 'i:eq', 'e:microsoft.graph.featureType:reset', 'END',
    ]);
  });

  it('keeps positions for error messages', () => {
    expect(tokenize("a eq 'x'", '$filter').map((t) => t.pos)).toEqual([0, 2, 5, 8]);
  });

  it.each([["name eq 'open", 'not closed'], ['name eq "x"', "unexpected character '\"'"], ['a & b', "unexpected character '&'"]])(
    'refuses %s with a 400 naming the problem',
    (text, what) => {
      expect(() => tokenize(text, '$filter')).toThrow(GraphError);
      expect(() => tokenize(text, '$filter')).toThrow(what);
    },
  );
});
