import { checkPipelineOptions } from '../../src/graph/pipeline';
import type { GraphPipelineOptions } from '../../src/graph/types';

const valid: GraphPipelineOptions = {
  root: 'https://graph.microsoft.com',
  timeoutMs: 30_000,
  batchSize: 20,
  maxRetries: 3,
  maxConcurrentEnvelopes: 4,
  rateLimit: { requests: 5, windowMs: 10_000 },
  cache: { ttlMs: 60_000, maxEntries: 1_000 },
  singleRequest: 'plain',
  dedupe: true,
};

describe('checkPipelineOptions', () => {
  it('accepts the documented defaults', () => {
    expect(() => checkPipelineOptions(valid)).not.toThrow();
  });

  it('reports every problem at once, each with the value it got', () => {
    const bad = { ...valid, root: 'ftp://x', batchSize: 21, maxRetries: 11, singleRequest: 'both' } as unknown as GraphPipelineOptions;
    expect(() => checkPipelineOptions(bad)).toThrow(
      'invalid graph pipeline options: `root` must be an http(s) URL without query, fragment or credentials, but got: ftp://x; ' +
        '`batchSize` must be an integer between 1 and 20, but got: 21; `maxRetries` must be an integer between 0 and 10, but got: 11; ' +
        "`singleRequest` must be 'plain' or 'batch', but got: both",
    );
  });

  it('refuses a root that is not a URL at all', () => {
    expect(() => checkPipelineOptions({ ...valid, root: 'graph' })).toThrow('`root` must be an absolute http(s) URL, but got: graph');
  });
});
