import type { IncomingMessage, ServerResponse } from 'node:http';
import { runBatch } from '../batch/runBatch';
import type { EmulatorState } from '../EmulatorState';
import { answerUnit } from './answerUnit';
import { GraphError } from './GraphError';
import { parseTarget } from './parseTarget';
import { readBody } from './readBody';
import { routeUnit } from './routeUnit';
import type { UnitRequest } from './UnitRequest';
import { writeResponse } from './writeResponse';

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function tryParseTarget(rawUrl: string): ReturnType<typeof parseTarget> | GraphError {
  try {
    return parseTarget(rawUrl);
  } catch (error) {
    return error instanceof GraphError ? error : new GraphError(400, 'BadRequest', 'The request target is malformed.');
  }
}

/**
 * The node:http listener: logs the request on arrival, reads its body, answers it (a `$batch` envelope
 * through the batch runner, anything else through the router), waits the configured latency, writes.
 */
export function createRequestListener(state: EmulatorState, ownUrl: () => string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const at = Date.now();
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerCaseHeaders(req);
    const target = tryParseTarget(rawUrl);
    const parsed = target instanceof GraphError ? null : target;
    const isBatch = parsed !== null && parsed.version !== null && parsed.path.toLowerCase() === '/$batch';
    const record = state.log.add(
      { at, method, version: parsed?.version ?? null, path: parsed?.path ?? rawUrl, rawUrl, query: Object.fromEntries(parsed?.queryPairs ?? []), headers, status: 0 },
      isBatch ? 'envelope' : 'plain',
    );
    void (async () => {
      let text = '';
      let bodyError: GraphError | null = null;
      try {
        text = await readBody(req);
      } catch (error) {
        bodyError = error instanceof GraphError ? error : new GraphError(400, 'BadRequest', 'The request body could not be read.');
      }
      let body: unknown;
      let malformedBody = false;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
          record.body = body;
        } catch {
          malformedBody = true;
        }
      }
      const unit: UnitRequest = {
        method, version: parsed?.version ?? null, path: record.path, rawPath: parsed?.rawPath ?? rawUrl, segments: parsed?.segments ?? [],
        queryPairs: parsed?.queryPairs ?? [], rawQuery: parsed?.rawQuery ?? '', rawUrl, headers, body, malformedBody,
        baseUrl: headers['host'] === undefined ? ownUrl() : `http://${headers['host']}`, inner: false,
      };
      const response = answerUnit(state, unit, record, () => {
        if (target instanceof GraphError) throw target;
        if (bodyError !== null) throw bodyError;
        if (!isBatch) return routeUnit(state, unit);
        if (method !== 'POST') throw new GraphError(405, 'Request_BadRequest', `$batch accepts POST only, but got: ${method}.`);
        return runBatch(state, unit, record);
      }, !isBatch);
      if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
      writeResponse(res, response);
    })().catch((error: unknown) => {
      console.error('graph emulator: failed to answer', error);
      res.destroy();
    });
  };
}
