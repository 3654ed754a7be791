import type { GraphVersion } from './GraphRequest';

/**
 * What the pipeline tells the log. Deliberately poor: never a token, a body, or a query value
 * (`path` keeps query option names only: `/reports/x?$filter&$top`), because filters carry user names.
 */
export type GraphCallEvent =
  | {
      readonly type: 'call';
      readonly method: 'GET' | 'POST';
      readonly version: GraphVersion;
      readonly path: string;
      /** 0 when no HTTP status arrived (timeout, network failure). */
      readonly status: number;
      readonly attempt: number;
      /** Inner requests carried, for `$batch` envelopes. */
      readonly innerRequests?: number;
      readonly requestId?: string;
      readonly clientRequestId: string;
      readonly durationMs: number;
      readonly failure?: 'timeout' | 'network' | 'tooLarge';
    }
  | {
      readonly type: 'retry';
      readonly requests: number;
      readonly status: number;
      readonly attempt: number;
      readonly delayMs: number;
    }
  | { readonly type: 'budgetWait'; readonly tenant: string; readonly slots: number; readonly waitMs: number }
  | { readonly type: 'cacheError'; readonly operation: 'get' | 'set'; readonly errorName: string }
  | { readonly type: 'budgetError'; readonly errorName: string };
