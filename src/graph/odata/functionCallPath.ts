import { describeGiven } from './describeGiven';
import { ODataCompileError } from './ODataCompileError';
import { quoteString } from './quoteString';

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Graph's function parameters here are enum-like tokens (`D30`, `all`, `privilegedAdmin`). */
const PARAMETER_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * `path(name='value',...)` for an OData function call, or `path` when there are no parameters.
 * Names are sorted so that one set of parameters always yields one URL, whatever the key order.
 */
export function functionCallPath(path: string, parameters: Readonly<Record<string, string>> | undefined): string {
  const names = Object.keys(parameters ?? {}).sort();
  if (names.length === 0) return path;
  const pairs = names.map((name) => {
    const value = parameters?.[name];
    if (!PARAMETER_NAME.test(name)) {
      throw new ODataCompileError(
        name,
        `function parameter names of ${path} accept letters, digits and _ (at most 64), but got: ${describeGiven(name)}`,
      );
    }
    if (typeof value !== 'string' || !PARAMETER_VALUE.test(value)) {
      throw new ODataCompileError(
        name,
        `\`${name}\` accepts a token of letters, digits, _ . - (at most 64), but got: ${describeGiven(value)}`,
      );
    }
    return `${name}=${quoteString(name, value)}`;
  });
  return `${path}(${pairs.join(',')})`;
}
