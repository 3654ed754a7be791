import { GraphError } from '../http/GraphError';

/** `$top` as a page size: a positive integer; the server caps it, so large values are not an error. */
export function parseTop(text: string): number {
  const top = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(top >= 1)) throw new GraphError(400, 'BadRequest', `$top must be a positive integer, but got: ${text}.`);
  return top;
}
