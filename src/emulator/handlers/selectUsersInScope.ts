import { isPrivilegedAdmin } from '../data/isPrivilegedAdmin';
import type { UserRegistrationDetailsRow } from '../data/UserRegistrationDetailsRow';
import { GraphError } from '../http/GraphError';
import { graphEnums } from '../schema/graphEnums';
import type { HandlerContext } from './HandlerContext';

const PARAMETERS = { includedUserTypes: graphEnums.includedUserTypes, includedUserRoles: graphEnums.includedUserRoles } as const;

function readParameter(context: HandlerContext, name: keyof typeof PARAMETERS): string {
  const value = context.args?.[name] ?? 'all';
  const members = PARAMETERS[name].filter((member) => member !== 'unknownFutureValue');
  if (!(members as string[]).includes(value)) {
    throw new GraphError(400, 'BadRequest', `${name} must be one of ${members.join(', ')}, but got: '${value}'.`);
  }
  return value;
}

/**
 * The users a `usersRegisteredBy…(includedUserTypes, includedUserRoles)` summary counts. Both
 * parameters are optional (`all`), so the function may also be called without parentheses.
 */
export function selectUsersInScope(context: HandlerContext): { userTypes: string; userRoles: string; users: UserRegistrationDetailsRow[] } {
  const unknown = Object.keys(context.args ?? {}).filter((name) => !(name in PARAMETERS));
  if (unknown.length > 0) {
    throw new GraphError(400, 'BadRequest', `The function takes includedUserTypes and includedUserRoles, but got: ${unknown.join(', ')}.`);
  }
  const userTypes = readParameter(context, 'includedUserTypes');
  const userRoles = readParameter(context, 'includedUserRoles');
  const users = context.state.data.userRegistrationDetails.filter((user) => {
    if (userTypes !== 'all' && user.userType !== userTypes) return false;
    switch (userRoles) {
      case 'privilegedAdmin': return isPrivilegedAdmin(user);
      case 'admin': return user.isAdmin;
      case 'user': return !user.isAdmin;
      default: return true;
    }
  });
  return { userTypes, userRoles, users };
}
