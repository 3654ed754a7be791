import { readQueryOptions } from '../http/readQueryOptions';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';
import { selectUsersInScope } from './selectUsersInScope';

/** authenticationMethodFeature members and the successor row's boolean each one counts. */
const FEATURES = [
  ['ssprRegistered', 'isSsprRegistered'],
  ['ssprEnabled', 'isSsprEnabled'],
  ['ssprCapable', 'isSsprCapable'],
  ['passwordlessCapable', 'isPasswordlessCapable'],
  ['mfaCapable', 'isMfaCapable'],
] as const;

/** `usersRegisteredByFeature(...)`: a userRegistrationFeatureSummary counted from userRegistrationDetails. */
export const usersRegisteredByFeature: Handler = (context) => {
  readQueryOptions(context.unit, []);
  const { userTypes, userRoles, users } = selectUsersInScope(context);
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'microsoft.graph.userRegistrationFeatureSummary'),
    totalUserCount: users.length,
    userRegistrationFeatureCounts: FEATURES.map(([feature, flag]) => ({
      feature,
      userCount: users.reduce((n, user) => n + (user[flag] ? 1 : 0), 0),
    })),
    userRoles,
    userTypes,
  });
};
