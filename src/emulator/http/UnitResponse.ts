/** A response before it is written to the socket or wrapped into a `$batch` answer. */
export interface UnitResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A raw body (fault text, `$metadata` XML); its content type is in `headers`. */
  text?: string;
}
