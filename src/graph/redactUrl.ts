/**
 * A request URL fit for logs: the path, and the names of the query options without their values
 * (`/reports/x?$filter=userPrincipalName eq 'ann@contoso.com'` → `/reports/x?$filter`), because
 * filter values are user data.
 */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const names = url
    .slice(question + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => pair.split('=', 1)[0]);
  return `${url.slice(0, question)}?${names.join('&')}`;
}
