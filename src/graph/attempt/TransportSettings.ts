import type http from 'node:http';
import type { Clock } from '../Clock';
import type { GraphCallEvent } from '../GraphCallEvent';

/** What GraphTransport needs from the pipeline: where, how long, how big, and where to log. */
export interface TransportSettings {
  readonly root: URL;
  readonly agent: http.Agent;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly clock: Clock;
  readonly log: (event: GraphCallEvent) => void;
}
