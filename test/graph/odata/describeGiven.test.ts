import { describeGiven } from '../../../src/graph/odataLiterals';

describe('describeGiven', () => {
  it('quotes strings as JSON so control characters show as escapes', () => {
    expect(describeGiven('a\r\nb')).toBe('"a\\r\\nb"');
    expect(describeGiven('\ud800')).toBe('"\\ud800"');
  });

  it('cuts long strings and says how long they were', () => {
    const text = describeGiven('x'.repeat(5000));
    expect(text).toBe(`"${'x'.repeat(79)}…" (5000 characters)`);
  });

  it('describes other values by kind, without dumping objects', () => {
    expect(describeGiven(5000)).toBe('5000');
    expect(describeGiven(true)).toBe('true');
    expect(describeGiven(null)).toBe('null');
    expect(describeGiven([1, 2])).toBe('a list');
    expect(describeGiven({ secret: 'x' })).toBe('a value of type object');
    expect(describeGiven(undefined)).toBe('a value of type undefined');
  });
});
