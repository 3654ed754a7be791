import type { CredentialUserRegistrationsSummaryRow } from './CredentialUserRegistrationsSummaryRow';
import { Prng } from './Prng';

const TENANT_NAMES = [
  'Contoso & Sons', "O'Reilly Media", 'Fabrikam #2', 'Ünïcödé GmbH', '100% Uptime + Co', 'Tailspin Toys',
  'Northwind Traders', 'Wingtip Toys', 'Adventure Works', 'Litware, Inc.', 'Proseware', 'Woodgrove Bank',
  'Coho Winery', 'Alpine Ski House', 'Fourth Coffee', 'Blue Yonder Airlines', 'Lamna Healthcare',
  'Relecloud', 'Trey Research', 'VanArsdel Ltd', 'Wide World Importers', 'Margie\'s Travel', 'Humongous Insurance',
  'Graphic Design Institute', 'Lucerne Publishing',
];
const LICENSES = ['AADFree', 'AADPremium1', 'AADPremium2'];
const POLICY_STATES = ['enabled', 'disabled', 'reportOnly'];

/** The managed tenants' summaries: a fixed list of 25, counts consistent with each other. */
export function seedTenantSummaries(seed: number, referenceMs: number): CredentialUserRegistrationsSummaryRow[] {
  return TENANT_NAMES.map((tenantDisplayName, index) => {
    const prng = Prng.of(seed, 'tenant', index);
    const totalUserCount = 5 + prng.int(5000);
    const mfaRegisteredUserCount = prng.int(totalUserCount + 1);
    const ssprRegisteredUserCount = prng.int(totalUserCount + 1);
    return {
      id: prng.guid(),
      tenantId: prng.guid(),
      tenantDisplayName,
      lastRefreshedDateTime: new Date(referenceMs - prng.int(48 * 3600) * 1000).toISOString().replace('.000Z', 'Z'),
      mfaAndSsprCapableUserCount: Math.min(mfaRegisteredUserCount, ssprRegisteredUserCount),
      mfaConditionalAccessPolicyState: prng.pick(POLICY_STATES),
      mfaExcludedUserCount: prng.int(Math.max(1, Math.floor(totalUserCount / 20))),
      mfaRegisteredUserCount,
      securityDefaultsEnabled: prng.chance(0.4),
      ssprEnabledUserCount: Math.max(ssprRegisteredUserCount, prng.int(totalUserCount + 1)),
      ssprRegisteredUserCount,
      tenantLicenseType: prng.pick(LICENSES),
      totalUserCount,
    };
  });
}
