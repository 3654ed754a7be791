import { GraphError } from '../http/GraphError';
import type { HandlerContext } from './HandlerContext';

const DAYS: Readonly<Record<string, number>> = { d1: 1, d7: 7, d30: 30 };

/**
 * The `period` parameter of a report function, in days. The legacy function documents its period as
 * case-insensitive (`D30`); the successor's is the `aggregationPeriod` enum, spelled `d30`.
 */
export function readPeriod(context: HandlerContext, caseInsensitive: boolean): number {
  const args = context.args ?? {};
  const unknown = Object.keys(args).filter((name) => name !== 'period');
  if (unknown.length > 0) throw new GraphError(400, 'BadRequest', `The function takes only 'period', but got: ${unknown.join(', ')}.`);
  const period = args['period'];
  const accepted = caseInsensitive ? "'D1', 'D7' or 'D30'" : "'d1', 'd7' or 'd30'";
  if (period === undefined) throw new GraphError(400, 'BadRequest', `The function needs a period parameter, ${accepted}.`);
  const days = DAYS[caseInsensitive ? period.toLowerCase() : period];
  if (days === undefined) throw new GraphError(400, 'BadRequest', `period must be ${accepted}, but got: '${period}'.`);
  return days;
}
