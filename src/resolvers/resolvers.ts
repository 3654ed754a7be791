import type { Resolvers } from '../generated/resolvers-types';
import { createCredentialUserRegistrationDetails } from './Mutation/createCredentialUserRegistrationDetails';
import { createCredentialUserRegistrationsSummary } from './Mutation/createCredentialUserRegistrationsSummary';
import { createUserCredentialUsageDetails } from './Mutation/createUserCredentialUsageDetails';
import { credentialUsageSummary } from './Query/credentialUsageSummary';
import { credentialUserRegistrationCount } from './Query/credentialUserRegistrationCount';
import { credentialUserRegistrationDetails } from './Query/credentialUserRegistrationDetails';
import { credentialUserRegistrationsSummaries } from './Query/credentialUserRegistrationsSummaries';
import { userCredentialUsageDetails } from './Query/userCredentialUsageDetails';
import { CredentialUsageSummary } from './types/CredentialUsageSummary';
import { CredentialUserRegistrationDetails } from './types/CredentialUserRegistrationDetails';
import { CredentialUserRegistrationsSummary } from './types/CredentialUserRegistrationsSummary';
import { User } from './types/User';
import { UserCredentialUsageDetails } from './types/UserCredentialUsageDetails';
import { UserRegistrationCount } from './types/UserRegistrationCount';
import { userEventsSummary } from './Query/userEventsSummary';
import { userRegistrationActivity } from './Query/userRegistrationActivity';
import { userRegistrationDetails } from './Query/userRegistrationDetails';
import { usersRegisteredByFeature } from './Query/usersRegisteredByFeature';
import { usersRegisteredByMethod } from './Query/usersRegisteredByMethod';
import { UserEventsSummary } from './types/UserEventsSummary';
import { UserRegistrationActivitySummary } from './types/UserRegistrationActivitySummary';
import { UserRegistrationDetails } from './types/UserRegistrationDetails';
import { UserRegistrationFeatureCount } from './types/UserRegistrationFeatureCount';
import { UserRegistrationFeatureSummary } from './types/UserRegistrationFeatureSummary';
import { UserRegistrationMethodSummary } from './types/UserRegistrationMethodSummary';

/** Every field resolver of the schema, one file each; buildGatewaySchema adds the enum and scalar resolvers. */
export const resolvers = {
  Query: {
    credentialUserRegistrationDetails,
    userCredentialUsageDetails,
    credentialUsageSummary,
    credentialUserRegistrationCount,
    credentialUserRegistrationsSummaries,
    userRegistrationDetails,
    usersRegisteredByFeature,
    usersRegisteredByMethod,
    userEventsSummary,
    userRegistrationActivity,
  },
  Mutation: {
    createCredentialUserRegistrationDetails,
    createUserCredentialUsageDetails,
    createCredentialUserRegistrationsSummary,
  },
  CredentialUserRegistrationDetails,
  UserCredentialUsageDetails,
  CredentialUsageSummary,
  UserRegistrationCount,
  CredentialUserRegistrationsSummary,
  User,
  UserRegistrationDetails,
  UserEventsSummary,
  UserRegistrationActivitySummary,
  UserRegistrationFeatureSummary,
  UserRegistrationFeatureCount,
  UserRegistrationMethodSummary,
} satisfies Resolvers;
