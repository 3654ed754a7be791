/** One HTTP exchange with the emulator, body parsed when it is JSON. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** GETs (or POSTs, with a JSON body) a URL and returns status, headers and the parsed body. */
export async function call(url: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text (fault bodies, $metadata).
  }
  return { status: response.status, headers: response.headers, body };
}
