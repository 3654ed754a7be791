import { readFailureDetails } from '../../../src/graph/transport';

const ID = '6d1b2c3a-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER_ID = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';

describe('readFailureDetails', () => {
  it('takes the status, Graph error code and request id, and never the message', () => {
    const body = {
      error: { code: 'Authorization_RequestDenied', message: 'secret upstream text', innerError: { 'request-id': ID, date: 'x' } },
    };
    const details = readFailureDetails(403, {}, body, 'client-1');
    expect(details).toEqual({ httpStatus: 403, graphCode: 'Authorization_RequestDenied', requestId: ID, clientRequestId: 'client-1' });
    expect(JSON.stringify(details)).not.toContain('secret');
  });

  it('prefers the request-id header over the body', () => {
    expect(readFailureDetails(500, { 'request-id': OTHER_ID }, { error: { innerError: { 'request-id': ID } } }, 'c').requestId).toBe(OTHER_ID);
  });

  it("keeps Graph's codes, which are words of letters and underscores", () => {
    for (const code of ['Authorization_RequestDenied', 'badRequest', 'UnknownError', 'Request_ResourceNotFound', 'x'.repeat(64)]) {
      expect(readFailureDetails(400, {}, { error: { code } }, 'c').graphCode).toBe(code);
    }
  });

  it('drops a code not in that format: free text, too long, not a string, or a token-like string with digits, dots or dashes', () => {
    const tokenLike = ['eyJhbGciOiJSUzI1NiJ9', 'abc.def', 'sk-live-1234', '1BadRequest', '_x', 'AADSTS50020'];
    for (const code of ['has spaces in it', 'x'.repeat(65), 42, { nested: true }, 'semi;colon', '', ...tokenLike]) {
      expect(readFailureDetails(400, {}, { error: { code } }, 'c').graphCode).toBeUndefined();
    }
  });

  it('drops a request id that is not a GUID, from the header and from the body', () => {
    for (const requestId of ['abc-123', 'eyJhbGciOiJSUzI1NiJ9', `${ID}x`, ID.replace(/-/g, ''), 'from-header', 7]) {
      expect(readFailureDetails(500, { 'request-id': requestId as string }, {}, 'c').requestId).toBeUndefined();
      expect(readFailureDetails(500, {}, { error: { innerError: { 'request-id': requestId } } }, 'c').requestId).toBeUndefined();
    }
  });

  it('copes with bodies that are not Graph errors at all', () => {
    for (const body of [undefined, null, 'text', [1, 2], { error: 'flat' }]) {
      expect(readFailureDetails(502, {}, body, 'c')).toEqual({ httpStatus: 502, clientRequestId: 'c' });
    }
  });
});
