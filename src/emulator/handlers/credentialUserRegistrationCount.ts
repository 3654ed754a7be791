import { Prng } from '../data/Prng';
import { GraphError } from '../http/GraphError';
import { readQueryOptions } from '../http/readQueryOptions';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';

/** `getCredentialUserRegistrationCount`: a one-item collection counted from the registration details. */
export const credentialUserRegistrationCount: Handler = (context) => {
  if (context.args !== null && Object.keys(context.args).length > 0) {
    throw new GraphError(400, 'BadRequest', `getCredentialUserRegistrationCount takes no parameters, but got: ${Object.keys(context.args).join(', ')}.`);
  }
  readQueryOptions(context.unit, []);
  const rows = context.state.data.registrationDetails;
  const count = (test: (row: (typeof rows)[number]) => boolean): number => rows.reduce((n, row) => n + (test(row) ? 1 : 0), 0);
  return jsonResponse(context, 200, {
    '@odata.context': contextUrl(context, 'Collection(microsoft.graph.credentialUserRegistrationCount)'),
    value: [
      {
        id: Prng.of(context.state.seed, 'credentialUserRegistrationCount').guid(),
        totalUserCount: rows.length,
        userRegistrationCounts: [
          { registrationStatus: 'registered', registrationCount: count((row) => row.isRegistered) },
          { registrationStatus: 'enabled', registrationCount: count((row) => row.isEnabled) },
          { registrationStatus: 'capable', registrationCount: count((row) => row.isCapable) },
          { registrationStatus: 'mfaRegistered', registrationCount: count((row) => row.isMfaRegistered) },
        ],
      },
    ],
  });
};
