import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { call } from '../support/call';
import { walkPages } from '../support/walkPages';

describe('server-driven paging with @odata.nextLink', () => {
  let emulator: Emulator;
  let registrations: string;

  beforeAll(async () => {
    emulator = await startEmulator({ users: 50, maxPageSize: 7 });
    registrations = `${emulator.url}/beta/reports/credentialUserRegistrationDetails`;
  });
  afterAll(() => emulator.stop());

  it('walks every row exactly once in pages of maxPageSize when no $top is given', async () => {
    const pages = await walkPages(registrations);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    expect(pages.flat().map((row) => row.id)).toEqual(emulator.data.registrationDetails.map((row) => row.id));
  });

  it('uses $top as the page size and caps it at maxPageSize', async () => {
    expect((await walkPages(`${registrations}?$top=20`)).map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    const small = await walkPages(`${registrations}?$top=3&$filter=isRegistered eq true`);
    const expected = emulator.data.registrationDetails.filter((row) => row.isRegistered).map((row) => row.id);
    expect(small.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    expect(small.flat().map((row) => row.id)).toEqual(expected);
  });

  it('links back to this server with the query as received plus $skiptoken', async () => {
    const query = '$filter=startswith(userDisplayName,%27A%27)%20or%20isCapable%20eq%20true&$top=2&custom=kept';
    const first = await call(`${registrations}?${query}`);
    const next: string = first.body['@odata.nextLink'];
    expect(next.startsWith(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?${query}&$skiptoken=`)).toBe(true);
    const second = await call(next);
    const nextAgain: string = second.body['@odata.nextLink'];
    expect(nextAgain.startsWith(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?${query}&$skiptoken=`)).toBe(true);
    expect(nextAgain.match(/skiptoken/g)).toHaveLength(1);
  });

  it('omits @odata.nextLink on the last page', async () => {
    const reply = await call(`${registrations}?$filter=userDisplayName eq 'Søren Ørsted-Ñúñez'`);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body).not.toHaveProperty(['@odata.nextLink']);
  });

  it('answers 400 to a tampered $skiptoken and to one replayed against another query', async () => {
    const next: string = (await call(`${registrations}?$top=5`)).body['@odata.nextLink'];
    const token = new URL(next).searchParams.get('$skiptoken') ?? '';
    const forged = Buffer.from('40:whatever').toString('base64url') + token.slice(token.indexOf('.'));
    for (const url of [next.replace(token, forged), next.replace(token, `${token}x`), `${registrations}?$top=6&$skiptoken=${token}`]) {
      const reply = await call(url);
      expect([reply.status, reply.body.error.code]).toEqual([400, 'BadRequest']);
    }
  });
});

describe('an emulator that ignores $top', () => {
  it('answers pages of exactly maxPageSize whatever $top asks, and still walks every row once', async () => {
    const emulator = await startEmulator({ users: 30, maxPageSize: 8, ignoreTop: true });
    try {
      const pages = await walkPages(`${emulator.url}/beta/reports/credentialUserRegistrationDetails?$top=3`);
      expect(pages.map((page) => page.length)).toEqual([8, 8, 8, 6]);
      expect(pages.flat().map((row) => row.id)).toEqual(emulator.data.registrationDetails.map((row) => row.id));
    } finally {
      await emulator.stop();
    }
  });
});
