/**
 * Run as a child process with NODE_EXTRA_CA_CERTS naming the local provider's certificate: it uses the
 * identity modules exactly as production does (no agent, Node's own trust store) and prints what it
 * got as one JSON line. Settings come in PROBE_SETTINGS (JSON).
 */
import { createCallerAuthenticator } from '../../../src/auth/callers';
import { createTokenProvider } from '../../../src/auth/graphTokens';

interface ProbeSettings {
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience: string;
  readonly callerToken: string;
}

async function probe(settings: ProbeSettings): Promise<object> {
  const authenticator = createCallerAuthenticator({
    mode: 'entra', tenantId: settings.tenantId, audiences: [settings.audience], requiredRoles: [], authorityHost: settings.authorityHost,
  });
  const caller = await authenticator.authenticate(`Bearer ${settings.callerToken}`);
  const common = { graphRoot: 'https://graph.microsoft.com', ...settings };
  const app = createTokenProvider({ ...common, mode: 'app' });
  const obo = createTokenProvider({ ...common, mode: 'obo' });
  const appTokens = new Set<string | null>();
  const oboTokens = new Set<string | null>();
  for (let i = 0; i < 100; i += 1) {
    appTokens.add(await app.getToken(caller));
    oboTokens.add(await obo.getToken(caller));
  }
  return { callerKind: caller.kind, appTokens: appTokens.size, oboTokens: oboTokens.size };
}

probe(JSON.parse(process.env['PROBE_SETTINGS'] ?? '{}') as ProbeSettings).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })}\n`);
    process.exitCode = 1;
  },
);
