import type { Emulator } from '../../../src/emulator/emulator';
import { toGraphQLEnumName } from '../../../src/enums';
import { GraphEnums, type GraphEnumName } from '../../../src/enums';

function graphQLName(enumName: GraphEnumName, member: string): string {
  return (GraphEnums[enumName] as readonly string[]).includes(member) ? toGraphQLEnumName(member) : 'UNKNOWN_FUTURE_VALUE';
}

/**
 * What the User fields must show for one principal name, computed from the emulator's rows: the legacy
 * registration (null when the tenant has none), the first `events` usage events in upstream order, and
 * the successor registration.
 */
export function expectedUserReports(emulator: Emulator, userPrincipalName: string, events = 3) {
  const registration = emulator.data.registrationDetails.find((r) => r.userPrincipalName === userPrincipalName);
  const directory = emulator.data.userRegistrationDetails.find((r) => r.userPrincipalName === userPrincipalName);
  return {
    credentialRegistration: registration
      ? { isMfaRegistered: registration.isMfaRegistered, authMethods: registration.authMethods.map((m) => graphQLName('registrationAuthMethod', m)) }
      : null,
    credentialUsageEvents: {
      nodes: emulator.data.usageDetails
        .filter((e) => e.userPrincipalName === userPrincipalName)
        .slice(0, events)
        .map((e) => ({ feature: graphQLName('featureType', e.feature), isSuccess: e.isSuccess })),
    },
    authenticationRegistration: directory ? { isMfaRegistered: directory.isMfaRegistered, methodsRegistered: directory.methodsRegistered } : null,
  };
}
