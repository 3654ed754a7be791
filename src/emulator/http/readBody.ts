import type { IncomingMessage } from 'node:http';
import { GraphError } from './GraphError';

/** Far above any report request; a guard against a runaway client, not a Graph limit. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The request body as text; a body over the guard answers 413. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new GraphError(413, 'RequestEntityTooLarge', `The body must be at most ${MAX_BODY_BYTES} bytes, but got: ${size}.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
