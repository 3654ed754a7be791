import { BadUserInputError } from '../errors/BadUserInputError';
import { pageLimits } from './pageLimits';

/** `first` within the documented bounds, else BAD_USER_INPUT naming the argument. */
export function checkFirst(first: number, argumentPrefix = ''): number {
  if (!Number.isInteger(first) || first < 1 || first > pageLimits.maxFirst) {
    throw new BadUserInputError(
      `\`${argumentPrefix}first\` must be between 1 and ${pageLimits.maxFirst}, but got: ${first}`,
      `${argumentPrefix}first`,
    );
  }
  return first;
}
