/**
 * Audiences of Microsoft Graph (every cloud) and Azure AD Graph, lower-case without a trailing slash.
 * A token for Graph is never a token for this gateway, whatever `GATEWAY_AUDIENCE` says: accepting
 * one would let anything that holds a caller's Graph token replay it here.
 */
export const graphAudiences: ReadonlySet<string> = new Set([
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.com',
  'https://canary.graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  '00000002-0000-0000-c000-000000000000',
  'https://graph.windows.net',
]);
