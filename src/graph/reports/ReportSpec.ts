import type { GraphVersion } from '../GraphRequest';
import type { ComparisonOperator } from '../odata/FilterExpression';

/** How one upstream property may be filtered: its type, and the operators Graph documents for it. */
export type PropertySpec =
  | { readonly type: 'string'; readonly operators: readonly ('eq' | 'startsWith')[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly members: readonly string[] }
  | { readonly type: 'enumCollection'; readonly members: readonly string[] }
  | { readonly type: 'stringCollection' }
  | { readonly type: 'dateTime'; readonly operators: readonly ComparisonOperator[] };

/**
 * What the gateway knows about one upstream report: where it lives and which query options Graph accepts.
 * The OData compiler refuses any property or operator not listed here.
 */
export interface ReportSpec {
  /** Stable name, also stamped into cursors so a cursor cannot be replayed against another report. */
  readonly name: string;
  readonly version: GraphVersion;
  /** Path below the version root, e.g. `/reports/credentialUserRegistrationDetails`. */
  readonly path: string;
  readonly filterable: Readonly<Record<string, PropertySpec>>;
  readonly orderable: readonly string[];
  /** Whether the collection supports `/{id}` addressing. */
  readonly addressableById: boolean;
}
