import { get, type Agent } from 'node:https';

/** Metadata documents are small; anything bigger is not what we asked for. */
const MAX_BODY_BYTES = 1024 * 1024;

/** GETs an https URL and parses its JSON body; any status but 200 is an error naming the URL and status. */
export function getJson(url: URL, agent: Agent | undefined, timeoutMs: number): Promise<unknown> {
  if (url.protocol !== 'https:') return Promise.reject(new Error(`${url.href} must be an https URL`));
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, timeout: timeoutMs, headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url.href} must answer 200, but answered: ${res.statusCode ?? 'nothing'}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) request.destroy(new Error(`GET ${url.href} answered more than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new Error(`GET ${url.href} must answer JSON, but did not`));
        }
      });
      res.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url.href} took more than ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}
