import { executeGroup } from './batch/executeGroup';
import type { ExecutionParts } from './batch/ExecutionParts';
import { GraphRefusedRequestError } from './errors/GraphRefusedRequestError';
import type { GraphCallContext } from './GraphCallContext';
import type { GraphRequest } from './GraphRequest';
import type { GraphResponse } from './GraphResponse';
import { resolveGraphUrl } from './resolveGraphUrl';

/** The naive read (`dedupe: false`): one plain call per load, still retried and budgeted, nothing shared. */
export function readOnce(request: GraphRequest, root: URL, parts: ExecutionParts, context: GraphCallContext): Promise<GraphResponse> {
  return new Promise<GraphResponse>((resolve, reject) => {
    if (request.method !== 'GET') throw new GraphRefusedRequestError(`reads must use GET, but got: ${request.method}`);
    resolveGraphUrl(root, request);
    void executeGroup([{ request, resolve, reject }], { ...parts, singleRequest: 'plain' }, context);
  });
}
