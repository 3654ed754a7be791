import { GraphError } from './GraphError';

function decode(part: string): string {
  try {
    // Graph decodes like ASP.NET: `+` is a space, so a literal plus must arrive as %2B. Its own docs
    // write `startswith(givenName%2C+'J')`.
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new GraphError(400, 'BadRequest', `The query string holds a malformed percent-encoding: ${part.slice(0, 80)}`);
  }
}

/** Splits a raw query string into decoded name/value pairs, in order, duplicates kept. */
export function decodeQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
}
