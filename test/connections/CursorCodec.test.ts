import { createHmac } from 'node:crypto';
import { CursorCodec } from '../../src/operation/cursor';
import { CursorError } from '../../src/operation/cursor';
import type { CursorPayload } from '../../src/operation/cursor';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const PAYLOAD: CursorPayload = {
  report: 'credentialUserRegistrationDetails',
  scope: 'Zk3v0QpS1x2c3v4b5n6m7A',
  url: "/reports/credentialUserRegistrationDetails?$filter=userDisplayName%20eq%20%27O%27%27Brien%27&$top=50",
  skip: 17,
};
const EXPECT = { report: PAYLOAD.report, scope: PAYLOAD.scope };
/** The codecs' clock: cursors are issued and read at this moment unless a test moves it. */
let now = Date.UTC(2026, 5, 1, 12, 0, 0);
const ISSUED = Math.floor(now / 1000);
const clock = { now: () => now };
const codec = new CursorCodec(KEY, clock);

function reasonOf(cursor: string, expect = EXPECT, decoder = codec): string {
  try {
    decoder.decode(cursor, expect);
  } catch (error) {
    if (error instanceof CursorError) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** A cursor in the right format and correctly signed with KEY, around an arbitrary JSON body. */
function signedAround(json: string): string {
  const keyId = createHmac('sha256', KEY).update('graph-reports-gateway cursor key id').digest().subarray(0, 6).toString('base64url');
  const signed = `2.${keyId}.${Buffer.from(json).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', KEY).update(signed).digest().subarray(0, 16).toString('base64url')}`;
}

describe('CursorCodec', () => {
  beforeEach(() => {
    now = ISSUED * 1000;
  });

  it('gives back the payload it encoded', () => {
    expect(codec.decode(codec.encode(PAYLOAD), EXPECT)).toEqual(PAYLOAD);
  });

  it('issues the same cursor for the same payload and key, and another one for another skip', () => {
    const cursor = codec.encode(PAYLOAD);
    expect(new CursorCodec(Buffer.from(KEY), clock).encode({ ...PAYLOAD })).toBe(cursor);
    expect(codec.encode({ ...PAYLOAD, skip: 18 })).not.toBe(cursor);
  });

  it('issues cursors of URL-safe characters only, that do not show the URL in clear text', () => {
    const cursor = codec.encode(PAYLOAD);
    expect(cursor).toMatch(/^2\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(cursor).not.toContain('reports');
  });

  it('refuses a cursor with one payload character changed as tampered', () => {
    const cursor = codec.encode(PAYLOAD);
    const at = cursor.indexOf('.', 2) + 20;
    const changed = `${cursor.slice(0, at)}${cursor[at] === 'A' ? 'B' : 'A'}${cursor.slice(at + 1)}`;
    expect(reasonOf(changed)).toBe('tampered');
  });

  it('refuses a payload re-signed without the key as tampered', () => {
    const cursor = codec.encode(PAYLOAD);
    const [version, keyId, , signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: '/reports/credentialUserRegistrationDetails?$top=1000' })).toString('base64url');
    expect(reasonOf(`${version}.${keyId}.${forged}.${signature}`)).toBe('tampered');
  });

  it('refuses a changed signature as tampered', () => {
    const cursor = codec.encode(PAYLOAD);
    const changed = `${cursor.slice(0, -2)}${cursor.at(-2) === 'A' ? 'B' : 'A'}${cursor.at(-1)}`;
    expect(reasonOf(changed)).toBe('tampered');
  });

  it('refuses truncated cursors as malformed', () => {
    const cursor = codec.encode(PAYLOAD);
    for (const cut of [1, 5, 22, 23, cursor.length - 3]) {
      expect(reasonOf(cursor.slice(0, cursor.length - cut))).toBe('malformed');
    }
  });

  it('refuses text that is not a cursor as malformed', () => {
    for (const text of ['', 'abc', 'YWJj', 'not base64!', `${codec.encode(PAYLOAD)}=`, `${codec.encode(PAYLOAD)} `, ' ' + codec.encode(PAYLOAD), '1.a.b.c', '🔐']) {
      expect(reasonOf(text)).toBe('malformed');
    }
  });

  it('refuses non-canonical base64url as malformed', () => {
    const cursor = codec.encode(PAYLOAD);
    const last = cursor.at(-1) ?? 'A';
    // The last of 22 characters carries only 2 bits; flipping a low bit keeps the bytes but breaks canonical form.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    expect(reasonOf(`${cursor.slice(0, -1)}${sibling}`)).toBe('malformed');
  });

  it('refuses a huge cursor as malformed before decoding it', () => {
    expect(reasonOf('A'.repeat(4097))).toBe('malformed');
    expect(reasonOf(`1.AAAAAAAA.${'A'.repeat(100_000)}.${'A'.repeat(22)}`)).toBe('malformed');
  });

  it('refuses a cursor from another key or another format version as foreign', () => {
    expect(reasonOf(new CursorCodec(OTHER_KEY, clock).encode(PAYLOAD))).toBe('foreign');
    expect(reasonOf(`1${codec.encode(PAYLOAD).slice(1)}`)).toBe('foreign');
  });

  it('refuses a genuine cursor for another report or another scope as foreign', () => {
    const cursor = codec.encode(PAYLOAD);
    expect(reasonOf(cursor, { ...EXPECT, report: 'userCredentialUsageDetails' })).toBe('foreign');
    expect(reasonOf(cursor, { ...EXPECT, scope: 'AnotherFilterHash00000' })).toBe('foreign');
  });

  it('refuses signed payloads of the wrong shape as malformed', () => {
    const bodies = [
      'not json',
      '[]',
      'null',
      JSON.stringify(PAYLOAD),
      JSON.stringify({ ...PAYLOAD, iat: -1 }),
      JSON.stringify({ ...PAYLOAD, iat: '1' }),
      JSON.stringify({ ...PAYLOAD, iat: 1.5 }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, extra: 1 }),
      JSON.stringify({ report: PAYLOAD.report, scope: PAYLOAD.scope, url: PAYLOAD.url, iat: ISSUED }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, skip: -1 }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, skip: 1001 }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, skip: 1.5 }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, skip: '3' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, report: '' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: 'https://evil.example/beta/reports/x' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: '//evil.example/beta/reports/x' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: '/\\evil.example/x' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: '/reports/../admin' }),
      JSON.stringify({ ...PAYLOAD, iat: ISSUED, url: 'reports/x' }),
    ];
    expect(reasonOf(signedAround(JSON.stringify({ ...PAYLOAD, iat: ISSUED })))).toBe('accepted');
    for (const body of bodies) {
      expect(reasonOf(signedAround(body))).toBe('malformed');
    }
  });

  it('accepts skip from 0 to 1000', () => {
    for (const skip of [0, 1000]) {
      expect(codec.decode(codec.encode({ ...PAYLOAD, skip }), EXPECT).skip).toBe(skip);
    }
  });

  it('refuses to encode payloads it would refuse to decode', () => {
    for (const bad of [{ ...PAYLOAD, skip: -1 }, { ...PAYLOAD, url: 'https://evil.example/x' }, { ...PAYLOAD, scope: '' }]) {
      expect(() => codec.encode(bad)).toThrow(TypeError);
    }
  });

  it('keeps a cursor for the longest URL the gateway follows under 4096 characters', () => {
    const url = `/reports/x?${'a'.repeat(2560 - 11)}`;
    const cursor = codec.encode({ report: 'r'.repeat(128), scope: 's'.repeat(128), url, skip: 1000 });
    expect(cursor.length).toBeLessThanOrEqual(4096);
    expect(codec.decode(cursor, { report: 'r'.repeat(128), scope: 's'.repeat(128) }).url).toBe(url);
  });

  it('requires a key of at least 32 bytes', () => {
    expect(() => new CursorCodec(Buffer.alloc(31))).toThrow('the cursor key must be at least 32 bytes, but got: 31');
  });

  it('never echoes the cursor or its content in the error message', () => {
    const foreign = new CursorCodec(OTHER_KEY, clock).encode(PAYLOAD);
    for (const [cursor, expected] of [[foreign, EXPECT], [codec.encode(PAYLOAD), { ...EXPECT, scope: 'x' }]] as const) {
      let message = '';
      try {
        codec.decode(cursor, expected);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(
        '`after` is not a cursor this gateway issued for this field and arguments: it was issued for another report, filter or order, or by another gateway key',
      );
    }
  });

  it('accepts a cursor for the lifetime it was issued with (a day by default) and refuses it as expired after, saying so', () => {
    const cursor = codec.encode(PAYLOAD);
    now += 86_400_000;
    expect(reasonOf(cursor)).toBe('accepted');
    now += 1_000;
    expect(reasonOf(cursor)).toBe('expired');
    expect(() => codec.decode(cursor, EXPECT)).toThrow('`after` is a cursor that has expired: a cursor is valid for 86400 s after it is issued');
    const hourly = new CursorCodec(KEY, { ...clock, ttlSeconds: 3600 });
    expect(reasonOf(cursor, EXPECT, hourly)).toBe('expired');
    now = ISSUED * 1000 + 3_600_000;
    expect(reasonOf(cursor, EXPECT, hourly)).toBe('accepted');
  });

  it('signs the issue time, so an expired cursor cannot be renewed without the key', () => {
    const cursor = codec.encode(PAYLOAD);
    const [version, keyId, , signature] = cursor.split('.');
    const renewed = Buffer.from(JSON.stringify({ ...PAYLOAD, iat: ISSUED + 86_400 * 10 })).toString('base64url');
    now += 86_400_000 * 2;
    expect(reasonOf(`${version}.${keyId}.${renewed}.${signature}`)).toBe('tampered');
  });
});
