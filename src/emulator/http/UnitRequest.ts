/**
 * One request as the router sees it, whether it arrived on the socket or inside a `$batch`: the same
 * shape, so faults, throttling, routing and logging treat both alike.
 */
export interface UnitRequest {
  readonly method: string;
  readonly version: 'beta' | 'v1.0' | null;
  /** Below the version, percent-decoded, starting with `/`. */
  readonly path: string;
  /** Below the version, as received (used to build `@odata.nextLink`). */
  readonly rawPath: string;
  /** Decoded path segments below the version. */
  readonly segments: readonly string[];
  /** Decoded query pairs in order, duplicates kept; `+` is a space. */
  readonly queryPairs: readonly (readonly [string, string])[];
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  readonly rawUrl: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The body was present but not JSON. */
  readonly malformedBody?: boolean;
  /** Root of this server as the client addressed it, e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  readonly inner: boolean;
}
