import { splitIntoEnvelopes } from '../../../src/graph/pipeline';
import type { GraphRequest, GraphVersion } from '../../../src/graph/types';

function read(version: GraphVersion, n: number): { request: GraphRequest } {
  return { request: { method: 'GET', version, url: `/reports/x?$top=${n}` } };
}

describe('splitIntoEnvelopes', () => {
  it('cuts 21 reads into an envelope of 20 and one of 1, in arrival order', () => {
    const items = Array.from({ length: 21 }, (_, i) => read('beta', i));
    const envelopes = splitIntoEnvelopes(items, 20);
    expect(envelopes.map((e) => e.length)).toEqual([20, 1]);
    expect(envelopes.flat()).toEqual(items);
  });

  it('never mixes versions in one envelope', () => {
    const items = [read('beta', 1), read('v1.0', 2), read('beta', 3), read('v1.0', 4), read('beta', 5)];
    const envelopes = splitIntoEnvelopes(items, 20);
    expect(envelopes.map((e) => e.map((i) => i.request.version))).toEqual([['beta', 'beta', 'beta'], ['v1.0', 'v1.0']]);
  });

  it('respects a smaller size, such as a budget window of 5', () => {
    const envelopes = splitIntoEnvelopes(Array.from({ length: 12 }, (_, i) => read('beta', i)), 5);
    expect(envelopes.map((e) => e.length)).toEqual([5, 5, 2]);
  });

  it('returns no envelope for no reads and refuses a size below 1', () => {
    expect(splitIntoEnvelopes([], 20)).toEqual([]);
    expect(() => splitIntoEnvelopes([read('beta', 1)], 0)).toThrow('envelope size must be a positive integer, but got: 0');
  });
});
