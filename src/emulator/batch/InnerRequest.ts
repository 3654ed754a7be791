/** One validated entry of a `$batch` envelope's `requests`. */
export interface InnerRequest {
  readonly id: string;
  readonly method: string;
  /** Relative to the version root, with or without a leading slash. */
  readonly url: string;
  /** The inner request's own headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly dependsOn: readonly string[];
}
