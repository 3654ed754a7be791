import { readQueryOptions } from '../http/readQueryOptions';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';
import { selectUsersInScope } from './selectUsersInScope';

/** `usersRegisteredByMethod(...)`: users per registered method, methods in order of first appearance. */
export const usersRegisteredByMethod: Handler = (context) => {
  readQueryOptions(context.unit, []);
  const { userTypes, userRoles, users } = selectUsersInScope(context);
  const counts = new Map<string, number>();
  for (const user of users) {
    for (const method of user.methodsRegistered) counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'microsoft.graph.userRegistrationMethodSummary'),
    totalUserCount: users.length,
    userRegistrationMethodCounts: [...counts].map(([authenticationMethod, userCount]) => ({ authenticationMethod, userCount })),
    userRoles,
    userTypes,
  });
};
