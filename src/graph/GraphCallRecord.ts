/** One upstream call (a socket call or an inner `$batch` request) as an operation's log line lists it. */
export interface GraphCallRecord {
  readonly method: 'GET' | 'POST';
  /** Relative to the root with the version, query option names kept and values dropped: `/beta/reports/x?$filter`. */
  readonly url: string;
  /** 0 when no status arrived (timeout, network failure). */
  readonly status: number;
  readonly requestId?: string;
  readonly clientRequestId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** For inner requests: the client-request-id of the envelope that carried it. */
  readonly envelope?: string;
}
