import { startGateway, type TestGateway } from '../support/startGateway';

const PAGE = `query($first: Int, $after: String) {
  credentialUserRegistrationDetails(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

async function walk(gw: TestGateway, first: number): Promise<{ ids: string[]; pages: number; last: any }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let last: any;
  for (;;) {
    const res = await gw.query(PAGE, { first, after });
    expect(res.body.errors).toBeUndefined();
    last = res.body.data!.credentialUserRegistrationDetails;
    ids.push(...last.edges.map((e: any) => e.node.id));
    pages++;
    if (!last.pageInfo.hasNextPage) return { ids, pages, last };
    after = last.pageInfo.endCursor;
    if (pages > 100) throw new Error('paging did not end');
  }
}

describe('Relay connections over @odata.nextLink', () => {
  it("answers the Relay spec's PageInfo in full: forward only, startCursor the first edge's cursor, nulls on an empty page", async () => {
    const gw = await startGateway({ emulator: { users: 5 } });
    try {
      const FULL = `query($after: String, $upn: String) {
        credentialUserRegistrationDetails(first: 2, after: $after, filter: { userPrincipalName: { startsWith: $upn } }) {
          edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const first = (await gw.query(FULL)).body.data!.credentialUserRegistrationDetails;
      expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
      const second = (await gw.query(FULL, { after: first.pageInfo.endCursor })).body.data!.credentialUserRegistrationDetails;
      // Still false after `after`: the spec allows it for forward paging, and the gateway cannot page backwards.
      expect(second.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: second.edges[0].cursor });
      const empty = (await gw.query(FULL, { upn: 'nobody-has-this-name' })).body.data!.credentialUserRegistrationDetails;
      expect(empty).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    } finally {
      await gw.stop();
    }
  });

  it('walks 120 rows with first: 7 against 10-row upstream pages: every row once, then hasNextPage false', async () => {
    const gw = await startGateway({ emulator: { users: 120, maxPageSize: 10, ignoreTop: true } });
    try {
      const { ids, pages, last } = await walk(gw, 7);
      expect(ids).toEqual(gw.emulator.data.registrationDetails.map((r) => r.id));
      expect(pages).toBe(Math.ceil(120 / 7));
      expect(last.pageInfo.hasNextPage).toBe(false);
      // Trimmed pages are resumed inside: no upstream page is read more than twice (once per gateway page touching it).
      const reads = gw.emulator.log.counted().filter((r) => r.path === '/reports/credentialUserRegistrationDetails');
      expect(reads.length).toBeLessThanOrEqual(2 * 12);
    } finally {
      await gw.stop();
    }
  });

  it('follows nextLink to fill a page when upstream pages are smaller than first', async () => {
    const gw = await startGateway({ emulator: { users: 30, maxPageSize: 4 } });
    try {
      const res = await gw.query(PAGE, { first: 10 });
      const conn = res.body.data!.credentialUserRegistrationDetails;
      expect(conn.edges).toHaveLength(10);
      expect(conn.pageInfo.hasNextPage).toBe(true);
      const reads = gw.emulator.log.counted().filter((r) => r.path === '/reports/credentialUserRegistrationDetails');
      expect(reads).toHaveLength(3);
      expect(reads[1]!.query.$skiptoken).toBeDefined();
      const { ids } = await walk(gw, 10);
      expect(ids).toEqual(gw.emulator.data.registrationDetails.map((r) => r.id));
    } finally {
      await gw.stop();
    }
  });

  it('stops at the documented bound of upstream pages per page and still offers a way on', async () => {
    const gw = await startGateway({ emulator: { users: 50, maxPageSize: 2 }, env: { GRAPH_MAX_PAGES_PER_PAGE: '3' } });
    try {
      const res = await gw.query(PAGE, { first: 20 });
      const conn = res.body.data!.credentialUserRegistrationDetails;
      expect(conn.edges).toHaveLength(6);
      expect(conn.pageInfo.hasNextPage).toBe(true);
      const next = await gw.query(PAGE, { first: 2, after: conn.pageInfo.endCursor });
      expect(next.body.data!.credentialUserRegistrationDetails.edges.map((e: any) => e.node.id)).toEqual(
        gw.emulator.data.registrationDetails.slice(6, 8).map((r) => r.id),
      );
    } finally {
      await gw.stop();
    }
  });

  it('refuses forged, tampered and foreign cursors with BAD_USER_INPUT before any upstream call', async () => {
    const gw = await startGateway({ emulator: { users: 20 } });
    try {
      const res = await gw.query(PAGE, { first: 2 });
      const cursor: string = res.body.data!.credentialUserRegistrationDetails.pageInfo.endCursor;
      const [v, k, body, mac] = cursor.split('.');
      const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
      const evil = Buffer.from(JSON.stringify({ ...payload, url: '//evil.example/steal' })).toString('base64url');
      const tampered = [v, k, evil, mac].join('.');
      gw.emulator.log.clear();
      for (const after of ['garbage', tampered, `${cursor}x`, Buffer.from('{"url":"https://evil"}').toString('base64')]) {
        const bad = await gw.query(PAGE, { first: 2, after });
        expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(bad.body.errors?.[0]?.message).toMatch(/`after`/);
      }
      const foreign = await gw.query(
        'query($after: String) { credentialUserRegistrationDetails(first: 2, after: $after, filter: { isMfaRegistered: true }) { nodes { id } } }',
        { after: cursor },
      );
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const otherReport = await gw.query('query($after: String) { userCredentialUsageDetails(first: 2, after: $after) { nodes { id } } }', { after: cursor });
      expect(otherReport.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(gw.emulator.log.all()).toHaveLength(0);
    } finally {
      await gw.stop();
    }
  });

  it('refuses first above 1000 or below 1 with a message naming the argument, and no upstream call', async () => {
    const gw = await startGateway({ emulator: { users: 5 } });
    try {
      for (const first of [1001, 0, -3]) {
        const res = await gw.query(PAGE, { first });
        expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.body.errors?.[0]?.message).toBe(`\`first\` must be between 1 and 1000, but got: ${first}`);
      }
      expect(gw.emulator.log.all()).toHaveLength(0);
    } finally {
      await gw.stop();
    }
  });
});
