import { normalizeDateTime } from '../../../src/graph/odataLiterals';

const normal = (value: string): string => normalizeDateTime('eventDateTime', value);

describe('normalizeDateTime', () => {
  it('keeps a UTC date-time without fraction as it is', () => {
    expect(normal('2024-05-01T08:30:00Z')).toBe('2024-05-01T08:30:00Z');
  });

  it('converts offsets to UTC, across day, month and year boundaries', () => {
    expect(normal('2024-05-01T10:30:00+02:00')).toBe('2024-05-01T08:30:00Z');
    expect(normal('2024-01-01T01:00:00+05:30')).toBe('2023-12-31T19:30:00Z');
    expect(normal('2024-02-28T22:00:00-03:00')).toBe('2024-02-29T01:00:00Z');
    expect(normal('2024-05-01T08:30:00+00:00')).toBe('2024-05-01T08:30:00Z');
    expect(normal('2024-05-01T08:30:00-00:00')).toBe('2024-05-01T08:30:00Z');
  });

  it('writes fractions as at least milliseconds, trims trailing zeros and drops a zero fraction', () => {
    expect(normal('2024-05-01T08:30:00.5Z')).toBe('2024-05-01T08:30:00.500Z');
    expect(normal('2024-05-01T08:30:00.500Z')).toBe('2024-05-01T08:30:00.500Z');
    expect(normal('2024-05-01T08:30:00.1234567Z')).toBe('2024-05-01T08:30:00.1234567Z');
    expect(normal('2024-05-01T08:30:00.1200000+01:00')).toBe('2024-05-01T07:30:00.120Z');
    expect(normal('2024-05-01T08:30:00.000Z')).toBe('2024-05-01T08:30:00Z');
  });

  it('gives one text for one instant, however it was written', () => {
    const spellings = ['2024-05-01T08:30:00.5Z', '2024-05-01T10:30:00.50+02:00', '2024-05-01T03:00:00.5000-05:30'];
    expect(new Set(spellings.map(normal))).toEqual(new Set(['2024-05-01T08:30:00.500Z']));
  });

  it('accepts 29 February only in leap years', () => {
    expect(normal('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00Z');
    expect(() => normal('1900-02-29T00:00:00Z')).toThrow('but got: "1900-02-29T00:00:00Z"');
    expect(() => normal('2023-02-29T00:00:00Z')).toThrow('but got: "2023-02-29T00:00:00Z"');
  });

  it('handles years below 100 without shifting them into the 1900s', () => {
    expect(normal('0050-06-01T00:00:00Z')).toBe('0050-06-01T00:00:00Z');
  });

  it('refuses values that are not strict ISO 8601 with a time zone, echoing them', () => {
    const invalid = [
      '2024-05-01', '2024-05-01T08:30Z', '2024-05-01T08:30:00', '2024-05-01 08:30:00Z', '2024-05-01t08:30:00z',
      '2024-13-01T00:00:00Z', '2024-04-31T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T23:60:00Z',
      '2024-05-01T23:59:60Z', '2024-05-01T08:30:00+0200', '2024-05-01T08:30:00+24:00', '2024-05-01T08:30:00+02:60',
      '2024-05-01T08:30:00.12345678Z', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:00:00-02:00',
      '+2024-05-01T08:30:00Z', ' 2024-05-01T08:30:00Z', '2024-05-01T08:30:00Z\n', 'yesterday', '',
    ];
    for (const value of invalid) {
      expect(() => normal(value)).toThrow(
        `\`eventDateTime\` accepts an ISO 8601 date-time with seconds and a time zone (Z or ±hh:mm), at most 7 fractional digits, e.g. 2024-05-01T08:30:00Z or 2024-05-01T10:30:00.123+02:00, but got: ${JSON.stringify(value)}`,
      );
    }
  });

  it('refuses a non-string value', () => {
    expect(() => normalizeDateTime('eventDateTime', 1714552200000)).toThrow('but got: 1714552200000');
  });
});
