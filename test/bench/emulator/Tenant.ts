/** The seeded tenant's keys, in the emulator's order: what lookups ask for. */
export interface Tenant {
  /** Registration rows of the legacy report. */
  readonly ids: readonly string[];
  readonly upns: readonly string[];
  /** Entra user object ids: the successor report's (and a router's `User`) ids. */
  readonly directoryIds: readonly string[];
}
