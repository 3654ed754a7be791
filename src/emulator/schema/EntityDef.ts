import type { PropertyDef } from './PropertyDef';

/** An entity type the emulator serves: its `$metadata` name and its properties in declaration order. */
export interface EntityDef {
  /** Type name without namespace, e.g. `credentialUserRegistrationDetails`. */
  readonly name: string;
  readonly namespace: 'microsoft.graph' | 'microsoft.graph.managedTenants';
  readonly properties: Readonly<Record<string, PropertyDef>>;
  /** Properties a POST must carry (creatable entities only). */
  readonly required?: readonly string[];
}
