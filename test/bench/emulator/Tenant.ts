/** The registration rows of the seeded tenant, in the emulator's order: what lookups ask for. */
export interface Tenant {
  readonly ids: readonly string[];
  readonly upns: readonly string[];
}
