import type { ReportSpec } from '../reports/ReportSpec';
import { compileCondition } from './compileCondition';
import { describeGiven } from './describeGiven';
import type { FilterExpression } from './FilterExpression';
import { ODataCompileError } from './ODataCompileError';

/** Compiled text and its loosest operator, so a parent knows whether it must add parentheses. */
interface Compiled {
  readonly text: string;
  readonly binding: 'or' | 'and' | 'atom';
}

/**
 * The `$filter` text for `expr` (not yet percent-encoded), or `''` when nothing constrains the rows
 * (an empty `and`). Every property, operator and value is checked against `spec.filterable`.
 */
export function compileFilter(spec: ReportSpec, expr: FilterExpression): string {
  return compile(spec, expr)?.text ?? '';
}

/** `undefined` stands for "no constraint" (always true), which disappears from an `and` and absorbs an `or`. */
function compile(spec: ReportSpec, expr: FilterExpression): Compiled | undefined {
  switch (expr?.kind) {
    case 'compare':
    case 'startsWith':
    case 'any':
      return { text: compileCondition(spec, expr), binding: 'atom' };
    case 'and': {
      const parts = operandsOf(expr).map((operand) => compile(spec, operand));
      const kept = parts.filter((part): part is Compiled => part !== undefined);
      if (kept.length === 0) return undefined;
      if (kept.length === 1) return kept[0];
      // `and` binds tighter than `or` in OData, so only an `or` operand needs parentheses.
      const text = kept.map((part) => (part.binding === 'or' ? `(${part.text})` : part.text)).join(' and ');
      return { text, binding: 'and' };
    }
    case 'or': {
      const operands = operandsOf(expr);
      if (operands.length === 0) {
        throw new ODataCompileError(
          '$filter',
          '`$filter` accepts `or` with at least one operand (an empty `or` matches nothing), but got: none',
        );
      }
      const parts = operands.map((operand) => compile(spec, operand));
      if (parts.some((part) => part === undefined)) return undefined;
      const kept = parts as Compiled[];
      if (kept.length === 1) return kept[0];
      return { text: kept.map((part) => part.text).join(' or '), binding: 'or' };
    }
    default:
      throw new ODataCompileError(
        '$filter',
        `\`$filter\` accepts expressions of kind compare, startsWith, any, and, or, but got: ${describeGiven((expr as { kind?: unknown } | undefined)?.kind ?? expr)}`,
      );
  }
}

function operandsOf(expr: Extract<FilterExpression, { kind: 'and' | 'or' }>): readonly FilterExpression[] {
  if (!Array.isArray(expr.operands)) {
    throw new ODataCompileError(
      '$filter',
      `\`$filter\` accepts \`${expr.kind}\` with a list of operands, but got: ${describeGiven(expr.operands)}`,
    );
  }
  return expr.operands;
}
