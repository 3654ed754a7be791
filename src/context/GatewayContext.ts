import type { Logger } from 'pino';
import type { Caller } from '../auth/Caller';
import type { Config } from '../config/Config';
import type { ConnectionFetcher } from '../connections/ConnectionFetcher';
import type { Upstream } from '../loaders/Upstream';
import type { OperationStats } from '../loaders/OperationStats';
import type { Links } from '../links/Links';
import type { Reports } from '../reports/Reports';

/** Everything one GraphQL operation may use; built per request, so loaders never outlive it. */
export interface GatewayContext {
  readonly requestId: string;
  readonly config: Config;
  readonly caller: Caller;
  readonly logger: Logger;
  readonly stats: OperationStats;
  readonly upstream: Upstream;
  readonly connections: ConnectionFetcher;
  readonly reports: Reports;
  readonly links: Links;
  /** Logs an upstream enum value the schema does not know, once per process and value. */
  readonly onUnknownEnum: (enumName: string, value: string) => void;
}
