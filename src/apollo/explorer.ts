import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The explorers of the README's "Quick start": Apollo Sandbox as the landing page where its code (served
 * by Apollo's CDN) can load, and GraphiQL served by the gateway itself from its own dependencies where it
 * cannot (no internet). Both open on the same example operation; both are off in production.
 */

/** Where the local explorer and its static files are served. */
export const EXPLORER_PATH = '/explorer/';

/**
 * The operation both explorers open with: two successor reports that Graph serves in every mode (README,
 * "Permissions"), so it answers with app-only and on-behalf-of tokens alike.
 */
export const EXAMPLE_OPERATION = `# An example: press Run. The legacy reports are deprecated; these are their successors.
query MfaGaps {
  userRegistrationDetails(first: 5, filter: { isMfaRegistered: false }) {
    nodes { userPrincipalName isAdmin methodsRegistered userPreferredMethodForSecondaryAuthentication }
    pageInfo { hasNextPage endCursor }
  }
  userEventsSummary(first: 3, orderBy: [{ field: EVENT_DATE_TIME, direction: DESC }]) {
    nodes { userPrincipalName feature isSuccess authMethod eventDateTime }
  }
}
`;

/**
 * Apollo's own Sandbox landing page with the example preloaded, telemetry and cookies off, and one
 * same-origin script added (Apollo's page allows `'self'` scripts) that opens the local explorer when
 * Sandbox's code did not load.
 */
export function sandboxLandingPage(): ApolloServerPlugin<BaseContext> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: { runTelemetry: false, endpointIsEditable: false, initialState: { pollForSchemaUpdates: false } },
    document: EXAMPLE_OPERATION,
    includeCookies: false,
    footer: false,
  });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!render) throw new Error('Apollo Sandbox landing page plugin rendered no page');
      return {
        async renderLandingPage() {
          const page = await render();
          const html = page.html;
          // Apollo renders a fresh CSP nonce per request, so the page stays a function.
          return { html: async () => withFallback(typeof html === 'string' ? html : await html()) };
        },
      };
    },
  };
}

function withFallback(html: string): string {
  return html.replace('</body>', `<script src="${EXPLORER_PATH}fallback.js"></script>\n  </body>`);
}

// Runs after every script of Apollo's page has loaded or failed: no EmbeddedSandbox means its CDN was unreachable.
const FALLBACK_JS = `window.addEventListener('load', function () {
  if (window.EmbeddedSandbox) return;
  location.replace(new URL('${EXPLORER_PATH.slice(1)}', location.href).href);
});
`;

const EXPLORER_JS = `(function () {
  var example = JSON.parse(document.getElementById('example').textContent);
  // The explorer lives at <endpoint>${EXPLORER_PATH.slice(1)}: the GraphQL endpoint is one level up.
  var endpoint = new URL('../', location.href).href;
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: GraphiQL.createFetcher({ url: endpoint }), defaultQuery: example }));
})();
`;

const INDEX_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>graph-reports-gateway: GraphiQL</title>
    <link rel="stylesheet" href="graphiql.min.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script type="application/json" id="example">${JSON.stringify(EXAMPLE_OPERATION).replace(/</g, '\\u003c')}</script>
    <script src="react.production.min.js"></script>
    <script src="react-dom.production.min.js"></script>
    <script src="graphiql.min.js"></script>
    <script src="explorer.js"></script>
  </body>
</html>
`;

export interface ExplorerAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** The local explorer's files by name, read once from the installed packages (no CDN, works offline). */
export function loadExplorerAssets(): ReadonlyMap<string, ExplorerAsset> {
  const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));
  // react and react-dom do not export their UMD builds, so they are read from beside their entry file.
  const entryDir = (name: string): string => dirname(require.resolve(name, { paths: [__dirname] }));
  const js = 'text/javascript; charset=utf-8';
  const files: [string, string, string][] = [
    ['graphiql.min.js', join(packageDir('graphiql'), 'graphiql.min.js'), js],
    ['graphiql.min.css', join(packageDir('graphiql'), 'graphiql.min.css'), 'text/css; charset=utf-8'],
    ['react.production.min.js', join(entryDir('react'), 'umd', 'react.production.min.js'), js],
    ['react-dom.production.min.js', join(entryDir('react-dom'), 'umd', 'react-dom.production.min.js'), js],
  ];
  const assets = new Map<string, ExplorerAsset>(files.map(([name, path, contentType]) => [name, { contentType, body: readFileSync(path) }]));
  assets.set('', { contentType: 'text/html; charset=utf-8', body: Buffer.from(INDEX_HTML) });
  assets.set('explorer.js', { contentType: js, body: Buffer.from(EXPLORER_JS) });
  assets.set('fallback.js', { contentType: js, body: Buffer.from(FALLBACK_JS) });
  return assets;
}

/**
 * The local explorer's own policy: everything from this origin; inline styles because GraphiQL sets
 * them; `data:` for its embedded fonts and icons.
 */
export const EXPLORER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";
