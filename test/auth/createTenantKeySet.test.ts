import { randomUUID } from 'node:crypto';
import { createTenantKeySet, METADATA_RETRY_BASE_MS, METADATA_RETRY_CAP_MS } from '../../src/auth/tenantKeys';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startOidcProvider } from '../support/oidc/startOidcProvider';

let idp: OidcProvider;
beforeAll(async () => {
  idp = await startOidcProvider();
});
afterAll(async () => {
  await idp.close();
});

const header = { alg: 'RS256', kid: 'any' };
const token = { payload: '', signature: '' };

describe('createTenantKeySet', () => {
  it('remembers a failed metadata read for a backoff that doubles up to its cap, so an outage costs one fetch per interval', async () => {
    let now = 1_000_000;
    // A tenant the provider does not know: its metadata answers 400, as Entra's does.
    const tenantId = randomUUID();
    const keys = createTenantKeySet({
      authorityHost: idp.authorityHost,
      tenantId,
      expectedIssuer: `${idp.authorityHost}/${tenantId}/v2.0`,
      agent: idp.httpsAgent,
      now: () => now,
    });
    const fetched = (): number => idp.counts().unknownPath;
    const before = fetched();

    // 50 tokens at once and 50 after: one fetch.
    const refusals = await Promise.allSettled(Array.from({ length: 50 }, () => keys(header, token)));
    expect(refusals.every((r) => r.status === 'rejected')).toBe(true);
    for (let i = 0; i < 50; i += 1) await expect(keys(header, token)).rejects.toThrow('must answer 200, but answered: 400');
    expect(fetched() - before).toBe(1);

    // Then once per interval: 1 s, 2 s, 4 s, …
    let interval = METADATA_RETRY_BASE_MS;
    for (let failure = 2; failure <= 4; failure += 1) {
      now += interval - 1;
      await expect(keys(header, token)).rejects.toThrow();
      expect(fetched() - before).toBe(failure - 1);
      now += 1;
      await Promise.allSettled([keys(header, token), keys(header, token), keys(header, token)]);
      expect(fetched() - before).toBe(failure);
      interval *= 2;
    }

    // … never longer than the cap.
    for (let i = 0; i < 10; i += 1) {
      now += METADATA_RETRY_CAP_MS;
      await expect(keys(header, token)).rejects.toThrow();
    }
    expect(fetched() - before).toBe(14);
  });

  it('reads the metadata of a healthy tenant once for many tokens', async () => {
    const keys = createTenantKeySet({ authorityHost: idp.authorityHost, tenantId: idp.tenantId, expectedIssuer: idp.issuer, agent: idp.httpsAgent });
    const before = idp.counts().metadata;
    await Promise.allSettled(Array.from({ length: 20 }, () => keys({ alg: 'RS256', kid: idp.publishedKid }, token)));
    expect(idp.counts().metadata - before).toBe(1);
  });
});
