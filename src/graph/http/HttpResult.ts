/** An HTTP answer as the graph layer reads it: lower-cased headers, the body parsed when it is JSON. */
export interface HttpResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON (see `bodyKind`). */
  readonly body: unknown;
  readonly bodyKind: 'json' | 'empty' | 'other';
}
