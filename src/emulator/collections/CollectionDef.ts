import type { EmulatorData } from '../EmulatorData';
import type { EntityDef } from '../schema/EntityDef';

/** A served entity set: where its rows live in the store and how it is described to clients. */
export interface CollectionDef {
  /** Stable name, bound into skiptokens and cache keys. */
  readonly name: string;
  /** The `@odata.context` fragment after `$metadata#`, e.g. `reports/credentialUserRegistrationDetails`. */
  readonly contextPath: string;
  readonly entity: EntityDef;
  /** The live array: creates append to it. */
  rows(data: EmulatorData): object[];
  /** Managed tenants support the full OData options, `$count` included. */
  readonly fullOData?: boolean;
}
