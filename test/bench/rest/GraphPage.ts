/** One page of a Graph collection. */
export interface GraphPage {
  readonly value: Record<string, unknown>[];
  readonly '@odata.nextLink'?: string;
}
