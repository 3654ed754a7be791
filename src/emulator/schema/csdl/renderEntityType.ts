import type { EntityDef } from '../EntityDef';
import { edmType } from './edmType';

/** `<EntityType>` of an entity served on `version`, deriving from `microsoft.graph.entity` for its id. */
export function renderEntityType(entity: EntityDef, version: 'beta' | 'v1.0'): string {
  const properties = Object.entries(entity.properties)
    .filter(([name, def]) => name !== 'id' && (version === 'beta' || !def.betaOnly))
    .map(([name, def]) => {
      const nullable = def.nullable || def.type === 'string' || def.type === 'dateTime' ? '' : ' Nullable="false"';
      return `        <Property Name="${name}" Type="${edmType(def)}"${nullable}/>`;
    });
  return [`      <EntityType Name="${entity.name}" BaseType="microsoft.graph.entity">`, ...properties, '      </EntityType>'].join('\n');
}
