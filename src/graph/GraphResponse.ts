/** A successful upstream answer (2xx), whether it came from a plain call or from inside a `$batch`. */
export interface GraphResponse {
  readonly status: number;
  readonly body: unknown;
  /** Graph's `request-id`, for logs and error reports. */
  readonly requestId?: string;
}
