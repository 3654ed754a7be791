import { BadUserInputError } from '../errors/BadUserInputError';

/**
 * An enum argument sent upstream. UNKNOWN_FUTURE_VALUE is what the gateway answers for members it does
 * not know; asking Graph for it would match nothing (or answer 400), so it is refused up front.
 */
export function namedMember<T extends string>(argument: string, value: T): T {
  if (value === 'unknownFutureValue') {
    throw new BadUserInputError(
      `\`${argument}\` must name a member this schema knows (UNKNOWN_FUTURE_VALUE only stands for values it does not), but got: UNKNOWN_FUTURE_VALUE`,
      argument,
    );
  }
  return value;
}
