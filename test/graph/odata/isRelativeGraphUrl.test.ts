import { isRelativeGraphUrl } from '../../../src/graph/urls';

describe('isRelativeGraphUrl', () => {
  it('accepts relative URLs under the version root, encoded queries and function calls included', () => {
    for (const url of [
      '/reports/credentialUserRegistrationDetails',
      '/reports/credentialUserRegistrationDetails?$filter=a%20eq%20%27x%27&$top=5',
      "/reports/getCredentialUsageSummary(period='D30')?$skiptoken=ab_c-d.e~f",
      '/reports/x?$filter=a eq%27a@b.com%27'.replace(' ', '%20'),
      '/reports/x?q=a/b//c',
    ]) {
      expect(isRelativeGraphUrl(url)).toBe(true);
    }
  });

  it('refuses absolute, protocol-relative and scheme-only URLs', () => {
    for (const url of ['https://evil.example/x', '//evil.example/x', 'javascript:alert(1)', 'reports/x', '']) {
      expect(isRelativeGraphUrl(url)).toBe(false);
    }
  });

  it('refuses backslashes, fragments, whitespace, controls, non-ASCII and broken escapes', () => {
    for (const url of ['/\\evil.example', '/a\\b', '/a#b', '/a b', '/a\tb', '/a\nb', '/é', '/a?x=%zz', '/a?x=%4']) {
      expect(isRelativeGraphUrl(url)).toBe(false);
    }
  });

  it('refuses empty and dot segments in the path, plain or percent-encoded', () => {
    for (const url of ['/', '/a//b', '/a/', '/a/./b', '/a/../b', '/..', '/a/%2e%2e/b', '/a/%2E/b', '/a/.%2e/b']) {
      expect(isRelativeGraphUrl(url)).toBe(false);
    }
    expect(isRelativeGraphUrl('/a/..b/c...')).toBe(true);
  });

  it('refuses non-strings and URLs over 2560 characters', () => {
    expect(isRelativeGraphUrl(undefined)).toBe(false);
    expect(isRelativeGraphUrl(42)).toBe(false);
    expect(isRelativeGraphUrl(`/a?${'x'.repeat(2557)}`)).toBe(true);
    expect(isRelativeGraphUrl(`/a?${'x'.repeat(2558)}`)).toBe(false);
  });
});
