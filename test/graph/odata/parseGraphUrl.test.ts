import { GraphRefusedRequestError } from '../../../src/graph/errors';
import { ODataCompileError } from '../../../src/graph/errors';
import { parseGraphUrl } from '../../../src/graph/urls';

const ROOT = 'https://graph.microsoft.com';
const PATH = '/reports/credentialUserRegistrationDetails';
const LINK = `${ROOT}/beta${PATH}?$top=50&$skiptoken=RFNwdAIAAQAAACI6`;

function refusal(absoluteUrl: string, root = ROOT, path = PATH): ODataCompileError {
  try {
    parseGraphUrl(root, 'beta', absoluteUrl, path);
  } catch (error) {
    if (error instanceof ODataCompileError) return error;
    throw error;
  }
  throw new Error(`expected ${absoluteUrl} to be refused`);
}

describe('parseGraphUrl', () => {
  it('returns the path and query below the version root exactly as received', () => {
    expect(parseGraphUrl(ROOT, 'beta', LINK, PATH)).toBe(`${PATH}?$top=50&$skiptoken=RFNwdAIAAQAAACI6`);
    const encoded = `${ROOT}/beta${PATH}?$filter=userDisplayName%20eq%20%27O%27%27Brien%27&$skiptoken=a%2Bb`;
    expect(parseGraphUrl(ROOT, 'beta', encoded, PATH)).toBe(`${PATH}?$filter=userDisplayName%20eq%20%27O%27%27Brien%27&$skiptoken=a%2Bb`);
  });

  it('accepts a link without a query, the default port written out, an upper-case host, and a trailing slash on the root', () => {
    expect(parseGraphUrl(ROOT, 'beta', `${ROOT}/beta${PATH}`, PATH)).toBe(PATH);
    expect(parseGraphUrl(ROOT, 'beta', `https://graph.microsoft.com:443/beta${PATH}?a=1`, PATH)).toBe(`${PATH}?a=1`);
    expect(parseGraphUrl(ROOT, 'beta', `https://GRAPH.microsoft.com/beta${PATH}?a=1`, PATH)).toBe(`${PATH}?a=1`);
    expect(parseGraphUrl(`${ROOT}/`, 'beta', LINK, PATH)).toBe(`${PATH}?$top=50&$skiptoken=RFNwdAIAAQAAACI6`);
  });

  it('follows a loopback emulator root with its port and a path prefix', () => {
    expect(parseGraphUrl('http://127.0.0.1:4567', 'v1.0', `http://127.0.0.1:4567/v1.0${PATH}?x=1`, PATH)).toBe(`${PATH}?x=1`);
    expect(parseGraphUrl('http://127.0.0.1:4567/graph', 'beta', `http://127.0.0.1:4567/graph/beta${PATH}?x=1`, PATH)).toBe(`${PATH}?x=1`);
  });

  it('accepts a function path whose quotes came back percent-encoded, and returns it unchanged', () => {
    const path = "/reports/getCredentialUsageSummary(period='D30')";
    const link = `${ROOT}/beta/reports/getCredentialUsageSummary(period=%27D30%27)?$skiptoken=x`;
    expect(parseGraphUrl(ROOT, 'beta', link, path)).toBe('/reports/getCredentialUsageSummary(period=%27D30%27)?$skiptoken=x');
    expect(() => parseGraphUrl(ROOT, 'beta', link, "/reports/getCredentialUsageSummary(period='D7')")).toThrow('on another path');
  });

  it('ignores a query part in the expected path, so a request url can be passed as it is', () => {
    expect(parseGraphUrl(ROOT, 'beta', LINK, `${PATH}?$top=50`)).toBe(`${PATH}?$top=50&$skiptoken=RFNwdAIAAQAAACI6`);
  });

  it('refuses other hosts, ports and schemes, naming what it accepts', () => {
    const error = refusal(`https://graph.microsoft.com.evil.example/beta${PATH}`);
    expect(error).toBeInstanceOf(GraphRefusedRequestError);
    expect(error.property).toBe('@odata.nextLink');
    expect(error.message).toBe(
      `\`@odata.nextLink\` accepts only URLs to https://graph.microsoft.com/beta${PATH}, but got a URL on graph.microsoft.com.evil.example`,
    );
    expect(refusal(`https://graph.microsoft.com:8443/beta${PATH}`).message).toContain('but got a URL on graph.microsoft.com:8443');
    expect(refusal(`http://graph.microsoft.com/beta${PATH}`).message).toContain('but got a URL with scheme http');
    expect(refusal(`ftp://graph.microsoft.com/beta${PATH}`).message).toContain('but got a URL with scheme ftp');
    expect(refusal(`http://127.0.0.1:4568/beta${PATH}`, 'http://127.0.0.1:4567').message).toContain('a URL on 127.0.0.1:4568');
    expect(refusal(`https://127.0.0.1:4567/beta${PATH}`, 'http://127.0.0.1:4567').message).toContain('scheme https');
  });

  it('refuses userinfo, whether it leads elsewhere or not', () => {
    expect(refusal(`https://graph.microsoft.com@evil.example/beta${PATH}`).message).toContain('a URL with userinfo');
    expect(refusal(`https://user:pw@graph.microsoft.com/beta${PATH}`).message).toContain('a URL with userinfo');
    expect(refusal(`https://@graph.microsoft.com/beta${PATH}`).message).toContain('a URL with userinfo');
  });

  it('refuses another version and another path', () => {
    expect(refusal(`${ROOT}/v1.0${PATH}?a=1`).message).toContain('a URL outside that version root');
    expect(refusal(`${ROOT}/beta/reports/userCredentialUsageDetails?a=1`).message).toContain('a URL on another path');
    expect(refusal(`${ROOT}/beta${PATH}/x`).message).toContain('a URL on another path');
    expect(refusal(`${ROOT}/beta${PATH.toUpperCase()}`).message).toContain('a URL on another path');
    expect(refusal(`${ROOT}${PATH}`).message).toContain('a URL outside that version root');
  });

  it('refuses path traversal, encoded slashes and doubled slashes', () => {
    for (const link of [
      `${ROOT}/beta/reports/x/..${PATH.slice('/reports'.length)}`,
      `${ROOT}/beta/reports/./credentialUserRegistrationDetails`,
      `${ROOT}/beta/../beta${PATH}`,
      `${ROOT}/beta/reports/%2e%2e/reports/credentialUserRegistrationDetails`,
      `${ROOT}/beta/reports%2FcredentialUserRegistrationDetails`,
      `${ROOT}/beta/reports%2fcredentialUserRegistrationDetails`,
      `${ROOT}/beta//reports/credentialUserRegistrationDetails`,
    ]) {
      expect(() => parseGraphUrl(ROOT, 'beta', link, PATH)).toThrow(ODataCompileError);
    }
  });

  it('refuses backslashes, fragments, spaces, controls and non-ASCII before any URL parsing', () => {
    for (const link of [
      `https:\\\\evil.example/beta${PATH}`,
      `${ROOT}\\@evil.example/beta${PATH}`,
      `${ROOT}/beta${PATH}#frag`,
      `${ROOT}/beta${PATH}?a=b c`,
      `${ROOT}/beta${PATH}?a=\tb`,
      `${ROOT}/beta${PATH}?a=é`,
    ]) {
      expect(refusal(link).message).toContain('characters outside RFC 3986');
    }
  });

  it('refuses protocol-relative and relative links, and malformed scheme separators', () => {
    expect(refusal(`//evil.example/beta${PATH}`).message).toContain('not an absolute URL');
    expect(refusal(`/beta${PATH}`).message).toContain('not an absolute URL');
    expect(refusal(`https:/graph.microsoft.com/beta${PATH}`).message).toContain('without `//` after its scheme');
    expect(refusal(`https:graph.microsoft.com/beta${PATH}`).message).toContain('without `//` after its scheme');
    expect(refusal(`https:///evil.example/beta${PATH}`).message).toContain('a URL without a host after `//`');
    expect(refusal(`https:///graph.microsoft.com/beta${PATH}`).message).toContain('a URL without a host after `//`');
  });

  it('refuses a link too long to hold in a cursor, and a non-string', () => {
    const relativeOf = (pad: number): string => `${PATH}?$top=50&pad=${'a'.repeat(pad)}`;
    expect(parseGraphUrl(ROOT, 'beta', `${ROOT}/beta${relativeOf(2505)}`, PATH)).toHaveLength(2560);
    expect(refusal(`${ROOT}/beta${relativeOf(2506)}`).message).toContain('a URL longer than the gateway follows or with an unsafe path');
    expect(refusal(`${ROOT}/beta${relativeOf(10_000)}`).message).toContain('a value that is not a URL of acceptable length');
    expect(() => parseGraphUrl(ROOT, 'beta', 42 as unknown as string, PATH)).toThrow('not a URL of acceptable length');
  });

  it('never echoes the refused link, which may carry a skip token', () => {
    const secret = 'SKIPTOKEN-SECRET';
    for (const link of [`https://evil.example/beta${PATH}?$skiptoken=${secret}`, `${ROOT}/v1.0${PATH}?$skiptoken=${secret}`]) {
      expect(refusal(link).message).not.toContain(secret);
    }
  });

  it('refuses a configured root that is not a plain http(s) URL', () => {
    for (const root of ['graph.microsoft.com', 'ftp://graph.microsoft.com', 'https://u:p@graph.microsoft.com', 'https://graph.microsoft.com/?a=1']) {
      expect(() => parseGraphUrl(root, 'beta', LINK, PATH)).toThrow('the Graph root accepts an http(s) URL without userinfo, query or fragment');
    }
  });
});
