import { GraphRefusedRequestError } from '../../src/graph/errors';
import type { GraphRequest } from '../../src/graph/types';
import { resolveGraphUrl } from '../../src/graph/urls';

const root = new URL('https://graph.microsoft.com');

function get(url: string, version: GraphRequest['version'] = 'beta'): GraphRequest {
  return { method: 'GET', version, url };
}

describe('resolveGraphUrl', () => {
  it('puts a relative path under the root and the version, query untouched', () => {
    expect(resolveGraphUrl(root, get("/reports/x?$filter=userPrincipalName%20eq%20'a'&$top=5")).href).toBe(
      "https://graph.microsoft.com/beta/reports/x?$filter=userPrincipalName%20eq%20%27a%27&$top=5",
    );
    expect(resolveGraphUrl(root, get('/reports/authenticationMethods/userRegistrationDetails', 'v1.0')).pathname).toBe(
      '/v1.0/reports/authenticationMethods/userRegistrationDetails',
    );
  });

  it('keeps a root with a port, such as the emulator on loopback', () => {
    expect(resolveGraphUrl(new URL('http://127.0.0.1:4567'), get('/$batch')).href).toBe('http://127.0.0.1:4567/beta/$batch');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/beta/x'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a path without a leading slash', 'reports/x'],
    ['a backslash', '/\\evil.example/x'],
    ['a dot-dot segment', '/../v2/x'],
    ['an encoded dot-dot segment', '/%2e%2E/v2/x'],
    ['a space', '/reports/x y'],
    ['a fragment', '/reports/x#y'],
    ['a newline', '/reports/x\r\nHost: evil'],
  ])('refuses %s', (_, url) => {
    expect(() => resolveGraphUrl(root, get(url))).toThrow(GraphRefusedRequestError);
  });

  it('refuses a version other than beta and v1.0', () => {
    expect(() => resolveGraphUrl(root, get('/reports/x', 'v2.0' as GraphRequest['version']))).toThrow(
      'request url must be below /beta or /v1.0, but got: GET v2.0 /reports/x',
    );
  });

  it('echoes a refused URL without its query values', () => {
    expect(() => resolveGraphUrl(root, get("reports/x?$filter=userPrincipalName eq 'secret'"))).toThrow(
      'request url must be a relative path starting with a single `/`, but got: GET beta reports/x?$filter',
    );
  });
});
