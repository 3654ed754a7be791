import { startGateway, type TestGateway } from '../support/startGateway';
import { GHOSTS } from './support/tenantDirectory';

const COUNT = 100;
const ENVELOPES = Math.ceil(COUNT / 20);
const UNKNOWN_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const ENTITIES = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ...F } }';

/** Places the two unknown keys at 3 and 60, so the nulls must land exactly there. */
function withUnknown<T>(known: readonly T[], unknown: readonly T[]): T[] {
  const list = known.slice(0, COUNT - unknown.length);
  list.splice(3, 0, unknown[0]!);
  list.splice(60, 0, unknown[1]!);
  return list;
}

/** `_entities` straight to this subgraph, as a router sends it: every lookup batched, unknown keys null. */
describe('entity references', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The per-key plan, forced: these tests hold its batching (envelopes of 20, one set per version, dedupe);
    // the read planner's own choices are held by test/links/planner.test.ts.
    gw = await startGateway({ emulator: { users: 120 }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => gw?.stop());
  beforeEach(() => gw.emulator.log.clear());

  const entities = async (typename: string, fragment: string, keys: Record<string, unknown>[]) => {
    const res = await gw.query(`${ENTITIES} fragment F on ${typename} { ${fragment} }`, { representations: keys.map((k) => ({ __typename: typename, ...k })) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!._entities as (Record<string, any> | null)[];
  };

  const cases: [string, string, () => { keys: Record<string, unknown>[]; expected: (Record<string, any> | null)[] }][] = [
    ['CredentialUserRegistrationDetails', 'id userPrincipalName isMfaRegistered', () => {
      const rows = withUnknown<{ id: string; userPrincipalName: string; isMfaRegistered: boolean } | null>(gw.emulator.data.registrationDetails, [null, null]);
      return {
        keys: rows.map((r, i) => ({ id: r?.id ?? UNKNOWN_IDS[i === 3 ? 0 : 1] })),
        expected: rows.map((r) => r && { __typename: 'CredentialUserRegistrationDetails', id: r.id, userPrincipalName: r.userPrincipalName, isMfaRegistered: r.isMfaRegistered }),
      };
    }],
    ['UserCredentialUsageDetails', 'id userPrincipalName isSuccess', () => {
      const rows = withUnknown<{ id: string; userPrincipalName: string; isSuccess: boolean } | null>(gw.emulator.data.usageDetails, [null, null]);
      return {
        keys: rows.map((r, i) => ({ id: r?.id ?? UNKNOWN_IDS[i === 3 ? 0 : 1] })),
        expected: rows.map((r) => r && { __typename: 'UserCredentialUsageDetails', id: r.id, userPrincipalName: r.userPrincipalName, isSuccess: r.isSuccess }),
      };
    }],
    ['UserRegistrationDetails', 'id userPrincipalName methodsRegistered', () => {
      const rows = withUnknown<{ id: string; userPrincipalName: string; methodsRegistered: string[] | null } | null>(gw.emulator.data.userRegistrationDetails, [null, null]);
      return {
        keys: rows.map((r, i) => ({ id: r?.id ?? UNKNOWN_IDS[i === 3 ? 0 : 1] })),
        expected: rows.map((r) => r && { __typename: 'UserRegistrationDetails', id: r.id, userPrincipalName: r.userPrincipalName, methodsRegistered: r.methodsRegistered }),
      };
    }],
  ];

  it.each(cases)(`%s: ${COUNT} representations cost at most ${ENVELOPES} envelopes, and unknown ids are null entries`, async (typename, fragment, build) => {
    const { keys, expected } = build();
    expect(await entities(typename, fragment, keys)).toEqual(expected);
    expect(gw.emulator.log.counted()).toHaveLength(COUNT);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(ENVELOPES);
  });

  it(`User by principal name: ${COUNT} credentialRegistrations cost at most ${ENVELOPES} envelopes; unknown users have none`, async () => {
    const users = withUnknown(gw.emulator.data.registrationDetails.map((r) => r.userPrincipalName), GHOSTS.map((g) => g.userPrincipalName));
    const found = await entities('User', 'userPrincipalName credentialRegistration { userPrincipalName isMfaRegistered }', users.map((userPrincipalName) => ({ userPrincipalName })));
    expect(found).toEqual(
      users.map((upn) => {
        const row = gw.emulator.data.registrationDetails.find((r) => r.userPrincipalName === upn);
        return { __typename: 'User', userPrincipalName: upn, credentialRegistration: row ? { userPrincipalName: upn, isMfaRegistered: row.isMfaRegistered } : null };
      }),
    );
    expect(gw.emulator.log.counted()).toHaveLength(COUNT);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(ENVELOPES);
  });

  it(`User by id: ${COUNT} authenticationRegistrations cost at most ${ENVELOPES} envelopes; unknown users have none`, async () => {
    const ids = withUnknown(gw.emulator.data.userRegistrationDetails.map((r) => r.id), UNKNOWN_IDS);
    const found = await entities('User', 'id authenticationRegistration { id isMfaRegistered }', ids.map((id) => ({ id })));
    expect(found).toEqual(
      ids.map((id) => {
        const row = gw.emulator.data.userRegistrationDetails.find((r) => r.id === id);
        return { __typename: 'User', id, authenticationRegistration: row ? { id, isMfaRegistered: row.isMfaRegistered } : null };
      }),
    );
    expect(gw.emulator.log.counted()).toHaveLength(COUNT);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(ENVELOPES);
  });

  it('User by id with the principal name selected: an id upstream does not know is a null entity, not an error', async () => {
    const ids = [gw.emulator.data.userRegistrationDetails[0]!.id, UNKNOWN_IDS[0]!, gw.emulator.data.userRegistrationDetails[1]!.id];
    const found = await entities('User', 'id userPrincipalName', ids.map((id) => ({ id })));
    expect(found).toEqual([
      { __typename: 'User', id: ids[0], userPrincipalName: gw.emulator.data.userRegistrationDetails[0]!.userPrincipalName },
      null,
      { __typename: 'User', id: ids[2], userPrincipalName: gw.emulator.data.userRegistrationDetails[1]!.userPrincipalName },
    ]);
    expect(gw.emulator.log.http()).toHaveLength(1);
  });

  it(`four entity types, ${COUNT / 4} of each, share envelopes: one set per Graph version`, async () => {
    const d = gw.emulator.data;
    const beta = [
      ...d.registrationDetails.slice(0, 25).map((r) => ({ __typename: 'CredentialUserRegistrationDetails', id: r.id })),
      ...d.usageDetails.slice(0, 25).map((r) => ({ __typename: 'UserCredentialUsageDetails', id: r.id })),
    ];
    const v1 = d.userRegistrationDetails.slice(25, 50).map((r) => ({ __typename: 'UserRegistrationDetails', id: r.id }));
    const users = d.registrationDetails.slice(50, 75).map((r) => ({ __typename: 'User', userPrincipalName: r.userPrincipalName }));
    const res = await gw.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on CredentialUserRegistrationDetails { id } ... on UserCredentialUsageDetails { id } ... on UserRegistrationDetails { id }
        ... on User { credentialRegistration { id } } } }`,
      { r: [...beta, ...v1, ...users] },
    );
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data!._entities as Record<string, any>[];
    expect(found.slice(0, 75).map((e) => e.id)).toEqual([...beta, ...v1].map((r) => r.id));
    expect(found.slice(75).map((e) => e.credentialRegistration.id)).toEqual(d.registrationDetails.slice(50, 75).map((r) => r.id));
    expect(gw.emulator.log.counted()).toHaveLength(COUNT);
    // 75 legacy (beta) lookups, the User links among them, leave together; the 25 v1.0 ones apart.
    const sizes = (version: string) => gw.emulator.log.http().filter((r) => r.version === version).map((r) => r.batchSize).sort((a, b) => b! - a!);
    expect(sizes('beta')).toEqual([20, 20, 20, 15]);
    expect(sizes('v1.0')).toEqual([20, 5]);
  });

  describe('entities read what they select', () => {
    const SOME = 45;
    const DETAILS = '/reports/authenticationMethods/userRegistrationDetails';
    const enumName = (value: string | null) => (value === null || value === '' ? null : value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase());
    /** Every counted request: a beta GET of one user's details, in envelopes (beta `$batch`) of at most 20. */
    const expectBetaReads = (ids: readonly string[]) => {
      expect(gw.emulator.log.counted().map((r) => [r.version, r.path]).sort()).toEqual(ids.map((id) => ['beta', `${DETAILS}/${id}`]).sort());
      expect(gw.emulator.log.http().map((r) => [r.version, r.path, r.batchSize])).toEqual([['beta', '/$batch', 20], ['beta', '/$batch', 20], ['beta', '/$batch', 5]]);
    };

    it(`UserRegistrationDetails selecting defaultMfaMethod: ${SOME} entities read from beta in envelopes of at most 20, with Graph's beta values`, async () => {
      const rows = gw.emulator.data.userRegistrationDetails.slice(0, SOME);
      expect(rows.some((r) => r.defaultMfaMethod === null)).toBe(true);
      const found = await entities('UserRegistrationDetails', 'id defaultMfaMethod isAdmin', rows.map((r) => ({ id: r.id })));
      expect(found).toEqual(rows.map((r) => ({ __typename: 'UserRegistrationDetails', id: r.id, defaultMfaMethod: enumName(r.defaultMfaMethod), isAdmin: r.isAdmin })));
      expect(found.some((e) => e!.defaultMfaMethod === null) && found.some((e) => e!.defaultMfaMethod === 'MICROSOFT_AUTHENTICATOR_PUSH')).toBe(true);
      expectBetaReads(rows.map((r) => r.id));
    });

    it(`User.authenticationRegistration selecting defaultMfaMethod: ${SOME} users by id read from beta, batched the same way`, async () => {
      const rows = gw.emulator.data.userRegistrationDetails.slice(0, SOME);
      const found = await entities('User', 'id authenticationRegistration { id defaultMfaMethod }', rows.map((r) => ({ id: r.id })));
      expect(found).toEqual(rows.map((r) => ({ __typename: 'User', id: r.id, authenticationRegistration: { id: r.id, defaultMfaMethod: enumName(r.defaultMfaMethod) } })));
      expectBetaReads(rows.map((r) => r.id));
    });

    it('a User known by principal name reads its beta row once: the row that fills in the id also answers defaultMfaMethod', async () => {
      const rows = gw.emulator.data.userRegistrationDetails.slice(0, 3);
      const found = await entities('User', 'id authenticationRegistration { defaultMfaMethod }', rows.map((r) => ({ userPrincipalName: r.userPrincipalName })));
      expect(found).toEqual(rows.map((r) => ({ __typename: 'User', id: r.id, authenticationRegistration: { defaultMfaMethod: enumName(r.defaultMfaMethod) } })));
      expect(gw.emulator.log.counted().map((r) => [r.version, r.path])).toEqual(rows.map(() => ['beta', DETAILS]));
    });
  });

  it('malformed representations (a key missing, not a string, empty or with control characters) are null entries with no upstream call', async () => {
    const representations = [
      { __typename: 'CredentialUserRegistrationDetails' },
      { __typename: 'CredentialUserRegistrationDetails', id: 42 },
      { __typename: 'UserCredentialUsageDetails', id: '' },
      { __typename: 'UserRegistrationDetails', id: { nested: 'object' } },
      { __typename: 'UserRegistrationDetails', id: 'a\u0000b' },
      { __typename: 'User' },
      { __typename: 'User', id: 5 },
      { __typename: 'User', userPrincipalName: ['x@contoso.com'] },
      { __typename: 'User', userPrincipalName: null },
      { __typename: 'User', id: gw.emulator.data.userRegistrationDetails[0]!.id, userPrincipalName: 7 },
    ];
    const res = await gw.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on CredentialUserRegistrationDetails { id } ... on UserCredentialUsageDetails { id } ... on UserRegistrationDetails { id }
        ... on User { id userPrincipalName credentialRegistration { id } authenticationRegistration { id } } } }`,
      { r: representations },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual(representations.map(() => null));
    expect(gw.emulator.log.http()).toHaveLength(0);
  });

  it('an id holding a C1 control character (U+0085, U+009F), a URL delimiter (/ \\ ? #) or a dot segment is a null entity with no upstream call, like a C0 one', async () => {
    const ids = ['a\u0085b', 'x\u009f', '.', '..', 'a/b', '../admin', 'a\\b', 'x?$top=999', 'x#y', '/'];
    const representations = ids.flatMap((id) => [
      { __typename: 'CredentialUserRegistrationDetails', id },
      { __typename: 'UserRegistrationDetails', id },
      { __typename: 'User', id },
    ]);
    const res = await gw.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on CredentialUserRegistrationDetails { id } ... on UserRegistrationDetails { id } ... on User { userPrincipalName } } }`,
      { r: representations },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual(representations.map(() => null));
    expect(gw.emulator.log.http()).toHaveLength(0);
  });
});
