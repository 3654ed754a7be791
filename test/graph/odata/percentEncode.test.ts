import { percentEncode } from '../../../src/graph/odataLiterals';

describe('percentEncode', () => {
  it('encodes everything but RFC 3986 unreserved characters', () => {
    expect(percentEncode("a'b(c)d*e!f~g-h_i.j")).toBe('a%27b%28c%29d%2Ae%21f~g-h_i.j');
    expect(percentEncode('% & # + / ? = : @ , ;')).toBe('%25%20%26%20%23%20%2B%20%2F%20%3F%20%3D%20%3A%20%40%20%2C%20%3B');
  });

  it('round-trips through decodeURIComponent for any well-formed text', () => {
    const samples = ["O'Brien (admin)*!", '100% & #1 + 2', 'Zoë Müller', '日本語', '🔐🙂', '', ' '.repeat(3)];
    for (const text of samples) {
      expect(decodeURIComponent(percentEncode(text))).toBe(text);
    }
  });

  it('throws on a lone surrogate instead of producing a malformed URL', () => {
    expect(() => percentEncode('\ud800')).toThrow(URIError);
  });
});
