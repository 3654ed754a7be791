import { createHmac } from 'node:crypto';
import { startGateway } from '../support/startGateway';

const SECRET = 'a-cursor-secret-of-at-least-32-characters';
const PAGE = `query($after: String) {
  credentialUserRegistrationDetails(first: 2, after: $after) { nodes { id } pageInfo { endCursor } }
}`;

/** The same cursor, re-signed with the gateway's key as if it had been issued `ageSeconds` ago. */
function issuedAgo(cursor: string, ageSeconds: number): string {
  const [version, keyId, body] = cursor.split('.');
  const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
  const older = Buffer.from(JSON.stringify({ ...payload, iat: payload.iat - ageSeconds })).toString('base64url');
  const signed = `${version}.${keyId}.${older}`;
  return `${signed}.${createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(signed).digest().subarray(0, 16).toString('base64url')}`;
}

describe('cursor lifetime', () => {
  it('refuses a cursor older than GATEWAY_CURSOR_TTL_SECONDS as BAD_USER_INPUT saying it expired, with no upstream call', async () => {
    const gw = await startGateway({ emulator: { users: 10 }, env: { GATEWAY_CURSOR_SECRET: SECRET, GATEWAY_CURSOR_TTL_SECONDS: '3600' } });
    try {
      const first = await gw.query(PAGE);
      const cursor: string = first.body.data!.credentialUserRegistrationDetails.pageInfo.endCursor;
      expect(typeof cursor).toBe('string');

      const fresh = await gw.query(PAGE, { after: issuedAgo(cursor, 3500) });
      expect(fresh.body.errors).toBeUndefined();
      gw.emulator.log.clear();

      const stale = await gw.query(PAGE, { after: issuedAgo(cursor, 3700) });
      expect(stale.body.data?.credentialUserRegistrationDetails).toBeNull();
      expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(stale.body.errors?.[0]?.message).toBe('`after` must be a cursor issued within the last 3600 s, but got one that has expired');
      expect(gw.emulator.log.all()).toEqual([]);
    } finally {
      await gw.stop();
    }
  });
});
