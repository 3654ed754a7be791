import { GraphError } from '../../../src/emulator/http';
import { SkipTokenCodec } from '../../../src/emulator/paging';

describe('SkipTokenCodec', () => {
  const codec = new SkipTokenCodec();
  const signature = SkipTokenCodec.querySignature(['report', 'beta', "a eq 'b'", undefined]);

  it('round-trips an offset for the same query', () => {
    expect(codec.decode(codec.encode(140, signature), signature)).toBe(140);
  });

  it('refuses a token for another query, from another server, or altered', () => {
    const token = codec.encode(5, signature);
    const other = SkipTokenCodec.querySignature(['report', 'beta', "a eq 'c'", undefined]);
    const attempts = [
      () => codec.decode(token, other),
      () => new SkipTokenCodec().decode(token, signature),
      () => codec.decode(`${token.slice(0, 3)}A${token.slice(4)}`, signature),
      () => codec.decode('', signature),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(GraphError);
  });
});
