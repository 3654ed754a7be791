import { graphAudiences } from './graphAudiences';

export function isGraphAudience(audience: string): boolean {
  return graphAudiences.has(audience.trim().toLowerCase().replace(/\/+$/, ''));
}
