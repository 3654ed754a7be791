import { decodeQuery } from '../../../src/emulator/http';
import { GraphError } from '../../../src/emulator/http';

describe('decodeQuery', () => {
  it('decodes percent-escapes, reads + as a space and %2B as a plus, keeps order and duplicates', () => {
    expect(decodeQuery("$filter=a+eq+'x%2By%26z%25'&$top=5&$top=6&flag")).toEqual([
      ['$filter', "a eq 'x+y&z%'"],
      ['$top', '5'],
      ['$top', '6'],
      ['flag', ''],
    ]);
    expect(decodeQuery('')).toEqual([]);
  });

  it('refuses a malformed percent-escape with a 400', () => {
    expect(() => decodeQuery('$filter=%E0%A4%A')).toThrow(GraphError);
  });
});
