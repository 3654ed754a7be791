import { readFailureDetails } from '../../../src/graph/transport';

describe('readFailureDetails', () => {
  it('takes the status, Graph error code and request id, and never the message', () => {
    const body = {
      error: { code: 'Authorization_RequestDenied', message: 'secret upstream text', innerError: { 'request-id': 'abc-123', date: 'x' } },
    };
    const details = readFailureDetails(403, {}, body, 'client-1');
    expect(details).toEqual({ httpStatus: 403, graphCode: 'Authorization_RequestDenied', requestId: 'abc-123', clientRequestId: 'client-1' });
    expect(JSON.stringify(details)).not.toContain('secret');
  });

  it('prefers the request-id header over the body', () => {
    expect(readFailureDetails(500, { 'request-id': 'from-header' }, { error: { innerError: { 'request-id': 'from-body' } } }, 'c').requestId).toBe(
      'from-header',
    );
  });

  it('drops a code that is not a short token: free text, too long, or not a string', () => {
    for (const code of ['has spaces in it', 'x'.repeat(65), 42, { nested: true }, 'semi;colon']) {
      expect(readFailureDetails(400, {}, { error: { code } }, 'c').graphCode).toBeUndefined();
    }
  });

  it('copes with bodies that are not Graph errors at all', () => {
    for (const body of [undefined, null, 'text', [1, 2], { error: 'flat' }]) {
      expect(readFailureDetails(502, {}, body, 'c')).toEqual({ httpStatus: 502, clientRequestId: 'c' });
    }
  });
});
