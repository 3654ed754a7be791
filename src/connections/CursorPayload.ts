/** What a cursor carries, signed; clients see it only as an opaque string. */
export interface CursorPayload {
  /** `ReportSpec.name` (or a link's name): a cursor never crosses to another report. */
  readonly report: string;
  /** Hash of the canonical request identity (filter, order, parent key): a cursor never crosses filters. */
  readonly scope: string;
  /** Relative `GraphRequest.url` of the upstream page that holds the next row. */
  readonly url: string;
  /** Rows of that page already returned (Graph has no `$skip`, so the gateway trims the page itself). */
  readonly skip: number;
}
