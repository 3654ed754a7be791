import type { FilterExpression, OrderTerm } from '../graph/odata/FilterExpression';
import type { ReportSpec } from '../graph/reports/ReportSpec';

/** What a list resolver asks for: a typed descriptor, never a URL. */
export interface ListQuery {
  readonly spec: ReportSpec;
  readonly filter?: FilterExpression;
  readonly orderBy?: readonly OrderTerm[];
  readonly functionParameters?: Readonly<Record<string, string>>;
  readonly first: number;
  readonly after?: string | null;
}
