import { startGateway, type TestGateway } from '../support/startGateway';

const QUERY = '{ credentialUserRegistrationDetails(first: 1) { nodes { id } } }';

/**
 * The operation log line of one request, and how many times its text carries `"requestId":"<id>"` (a
 * duplicated JSON key would show twice; the upstream calls' own `requestId`s are Graph's and differ).
 */
function operationLine(gw: TestGateway, requestId: string): { line: Record<string, any>; mentions: number } {
  const text = gw.logs.find((l) => l.includes('"msg":"operation"') && l.includes(requestId));
  if (text === undefined) throw new Error(`no operation line for ${requestId}`);
  return { line: JSON.parse(text), mentions: text.split(`"requestId":"${requestId}"`).length - 1 };
}

describe('request ids', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 3 }, env: { GATEWAY_CORS_ORIGINS: 'https://app.example' } });
  });
  afterAll(() => gw.stop());

  it('keeps a well-formed incoming x-request-id, echoes it, and logs it once on the operation line', async () => {
    for (const id of ['2f1c6a3e-9d1b-4c55-8a57-0b9d3c1e7f42', '01HZX3K9T7Q2W8E5R4Y6U1I0OP', 'lb.trace:abc_123-4']) {
      const res = await gw.query(QUERY, undefined, { 'x-request-id': id });
      expect(res.headers.get('x-request-id')).toBe(id);
      const { line, mentions } = operationLine(gw, id);
      expect([line.requestId, mentions]).toEqual([id, 1]);
    }
  });

  it('replaces a malformed one with a fresh id rather than echo it', async () => {
    for (const id of ['has spaces', 'x'.repeat(129), '-leading-dash', 'quote"d', '']) {
      const res = await gw.query(QUERY, undefined, { 'x-request-id': id });
      const given = res.headers.get('x-request-id');
      expect(given).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(gw.logs.some((l) => id !== '' && l.includes(id))).toBe(false);
    }
  });

  it('lets a browser read it: Access-Control-Expose-Headers names x-request-id', async () => {
    const res = await gw.query(QUERY, undefined, { origin: 'https://app.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toContain('x-request-id');
  });
});
