/** `AZURE_AUTHORITY_HOST` as a bare https origin (no path, no trailing slash), or undefined when it is not one. */
export function normalizeAuthorityHost(authorityHost: string): string | undefined {
  if (!URL.canParse(authorityHost)) return undefined;
  const url = new URL(authorityHost);
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return url.protocol === 'https:' && bare ? url.origin : undefined;
}
