import type http from 'node:http';

/** One HTTP exchange for sendHttp. */
export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly agent: http.Agent;
  /** Aborts the call: fires at the attempt timeout or the operation deadline. */
  readonly signal: AbortSignal;
  readonly maxBytes: number;
}
