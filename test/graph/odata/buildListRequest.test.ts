import { buildListRequest } from '../../../src/graph/odata';
import type { FilterExpression } from '../../../src/graph/odata';
import { credentialUsageSummary } from '../../../src/reports/summaries';
import { credentialUserRegistrationCount } from '../../../src/reports/summaries';
import { credentialUserRegistrationDetails as registrations } from '../../../src/reports/registrationDetails';

const nameEq = (value: string): FilterExpression => ({
  kind: 'compare', property: 'userDisplayName', op: 'eq', value: { kind: 'string', value },
});

/** The decoded value of one query option, as Graph will read it. */
function option(url: string, name: string): string | undefined {
  const query = url.slice(url.indexOf('?') + 1);
  const pair = query.split('&').find((p) => p.startsWith(`${name}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

describe('buildListRequest', () => {
  it('builds a GET on the report path in the report version with no query when given nothing', () => {
    expect(buildListRequest(credentialUserRegistrationCount, {})).toEqual({
      method: 'GET', version: 'beta', url: '/reports/getCredentialUserRegistrationCount',
    });
  });

  it('writes $filter, $orderby and $top in that order, each percent-encoded', () => {
    const request = buildListRequest(registrations, {
      top: 25,
      orderBy: [{ property: 'userDisplayName', direction: 'desc' }],
      filter: nameEq('Zoë'),
    });
    expect(request.url).toBe(
      '/reports/credentialUserRegistrationDetails?$filter=userDisplayName%20eq%20%27Zo%C3%AB%27&$orderby=userDisplayName%20desc&$top=25',
    );
  });

  it('percent-encodes every URL-significant character of a value, quotes included', () => {
    const { url } = buildListRequest(registrations, { filter: nameEq("a'b%c&d#e+f g/h?i=j(k)*!~") });
    expect(url).toBe(
      '/reports/credentialUserRegistrationDetails?$filter=userDisplayName%20eq%20%27a%27%27b%25c%26d%23e%2Bf%20g%2Fh%3Fi%3Dj%28k%29%2A%21~%27',
    );
    expect(url.split('?')[1]).not.toMatch(/[ '#+()!*]/);
  });

  it('gives back the exact OData text when the query value is decoded', () => {
    const values = ["O'Brien", '100%', 'a&b', '#1', 'x+y', 'Zoë Müller', '日本', '🔐 key', '', 'x'.repeat(200), "'' or ''"];
    for (const value of values) {
      const { url } = buildListRequest(registrations, { filter: nameEq(value) });
      expect(option(url, '$filter')).toBe(`userDisplayName eq '${value.replace(/'/g, "''")}'`);
    }
  });

  it('encodes non-ASCII text as UTF-8 bytes', () => {
    expect(buildListRequest(registrations, { filter: nameEq('日本🔐') }).url).toContain(
      '%27%E6%97%A5%E6%9C%AC%F0%9F%94%90%27',
    );
  });

  it('gives byte-identical URLs for equal descriptors built separately', () => {
    const build = (): string =>
      buildListRequest(credentialUsageSummary, {
        functionParameters: { period: 'D30' },
        filter: { kind: 'and', operands: [{ kind: 'compare', property: 'feature', op: 'eq', value: { kind: 'enum', value: 'registration' } }] },
        top: 10,
      }).url;
    expect(build()).toBe(build());
    expect(build()).toBe("/reports/getCredentialUsageSummary(period='D30')?$filter=feature%20eq%20%27registration%27&$top=10");
  });

  it('omits $filter for an empty and, and $orderby for no terms', () => {
    expect(buildListRequest(registrations, { filter: { kind: 'and', operands: [] }, orderBy: [], top: 5 }).url).toBe(
      '/reports/credentialUserRegistrationDetails?$top=5',
    );
  });

  it('accepts $top from 1 to 1000 and refuses anything else', () => {
    expect(buildListRequest(registrations, { top: 1 }).url).toMatch(/\$top=1$/);
    expect(buildListRequest(registrations, { top: 1000 }).url).toMatch(/\$top=1000$/);
    for (const top of [0, -1, 1001, 5000, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildListRequest(registrations, { top })).toThrow(
        `\`$top\` accepts an integer between 1 and 1000, but got: ${String(top)}`,
      );
    }
  });

  it('refuses a request whose URL would be too long to follow or hold in a cursor', () => {
    const operands = Array.from({ length: 40 }, (_, i) => nameEq(`${i}`.padEnd(40, 'é')));
    expect(() => buildListRequest(registrations, { filter: { kind: 'or', operands } })).toThrow(
      /^a request to credentialUserRegistrationDetails accepts at most 2560 URL characters, but the filter and order made \d+; use fewer or shorter values$/,
    );
  });
});
