import bodyParser from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BodyError {
  readonly status: number;
  readonly message: string;
}

/** Parses a JSON body within `limitBytes`; the error carries the HTTP status to answer with. */
export function readJsonBody(limitBytes: number): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const parse = bodyParser.json({ limit: limitBytes, strict: false });
  return (req, res) =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: { status?: number; type?: string }) => {
        if (!error) return resolve((req as { body?: unknown }).body);
        const status = error.status ?? 400;
        const message =
          error.type === 'entity.too.large'
            ? `The request body must be at most ${limitBytes} bytes`
            : 'The request body must be valid JSON';
        reject({ status, message } satisfies BodyError);
      });
    });
}
