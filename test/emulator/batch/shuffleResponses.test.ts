import { shuffleResponses } from '../../../src/emulator/batch';

describe('shuffleResponses', () => {
  it('returns the same items in another order, the same order for the same seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const items = ['1', '2', '3', '4', '5'].slice(0, 2 + (seed % 4));
      const shuffled = shuffleResponses(items, seed);
      expect([...shuffled].sort()).toEqual(items);
      expect(shuffled).not.toEqual(items);
      expect(shuffleResponses(items, seed)).toEqual(shuffled);
    }
    expect(shuffleResponses(['only'], 3)).toEqual(['only']);
  });
});
