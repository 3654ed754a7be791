import type { ReportSpec } from '../reports/ReportSpec';
import { describeGiven } from './describeGiven';
import type { OrderTerm } from './FilterExpression';
import { ODataCompileError } from './ODataCompileError';

/**
 * The `$orderby` text (not yet percent-encoded): `userDisplayName asc,isMfaRegistered desc`, or `''`
 * for no terms. Only `spec.orderable` properties, each at most once (a repeated key is an OData error).
 */
export function compileOrderBy(spec: ReportSpec, terms: readonly OrderTerm[]): string {
  const seen = new Set<string>();
  return terms
    .map(({ property, direction }) => {
      if (!spec.orderable.includes(property)) {
        const accepted = spec.orderable.join(', ') || 'no properties';
        throw new ODataCompileError(
          String(property),
          `\`$orderby\` on ${spec.name} accepts ${accepted}, but got: ${describeGiven(property)}`,
        );
      }
      if (direction !== 'asc' && direction !== 'desc') {
        throw new ODataCompileError(
          property,
          `\`$orderby\` direction for \`${property}\` accepts asc or desc, but got: ${describeGiven(direction)}`,
        );
      }
      if (seen.has(property)) {
        throw new ODataCompileError(
          property,
          `\`$orderby\` accepts each property once, but got \`${property}\` twice`,
        );
      }
      seen.add(property);
      return `${property} ${direction}`;
    })
    .join(',');
}
