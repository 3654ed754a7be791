import type { BrowserContext, Page } from 'playwright-core';
import { EXAMPLE_OPERATION } from '../../src/apollo/explorer';
import { launchChromium } from '../support/chromium';
import { startGateway, type TestGateway } from '../support/startGateway';

// Chromium and GraphiQL's 3.5 MB bundle take a while on a busy 2-core machine; each step has its own bound.
jest.setTimeout(90_000);

let gw: TestGateway;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  gw = await startGateway({ emulator: { users: 30 } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gw?.stop();
});

async function newPage(context: BrowserContext): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // Offline, Apollo's page cannot load its CDN script and fonts: those are the failures this test is about.
    if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  // Apollo's own page calls `new window.EmbeddedSandbox` whether or not its script loaded: offline, that throws.
  page.on('pageerror', (e) => e.message.includes('EmbeddedSandbox is not a constructor') || consoleErrors.push(e.message));
  return { page, consoleErrors };
}

describe('the explorers, in headless Chromium on loopback', () => {
  it('without internet, the landing page opens the local GraphiQL with the example, which runs and shows the data, and the schema docs', async () => {
    const { page, consoleErrors } = await newPage(browser.context);
    await page.goto(gw.url);
    await page.waitForURL(new URL('/explorer/', gw.url).href);
    await page.locator('.graphiql-container').waitFor();
    await expectText(page.locator('.graphiql-query-editor'), 'query MfaGaps');

    gw.emulator.log.clear();
    await page.locator('.graphiql-execute-button').click();
    const first = gw.emulator.data.userRegistrationDetails.find((u) => u.isMfaRegistered === false)!;
    await expectText(page.locator('.result-window'), `"userPrincipalName": "${first.userPrincipalName}"`);
    expect(gw.emulator.log.counted().map((r) => r.path).sort()).toEqual([
      '/reports/authenticationMethods/userEventsSummary',
      '/reports/authenticationMethods/userRegistrationDetails',
    ]);

    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await expectText(page.locator('.graphiql-doc-explorer'), 'userRegistrationDetails');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('with internet, Apollo Sandbox is the landing page: preloaded with the example, telemetry and cookies off, and no fallback', async () => {
    const { page } = await newPage(browser.context);
    // Stands in for Apollo's CDN: records what the landing page asks Sandbox to do.
    await page.route('https://embeddable-sandbox.cdn.apollographql.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.EmbeddedSandbox = function (config) { window.sandboxConfig = config; document.querySelector(config.target).textContent = "sandbox"; };',
      }),
    );
    await page.goto(gw.url);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(gw.url);
    const config = (await page.evaluate('window.sandboxConfig')) as Record<string, unknown>;
    expect(config).toMatchObject({
      initialEndpoint: gw.url,
      runTelemetry: false,
      endpointIsEditable: false,
      initialState: { document: EXAMPLE_OPERATION, includeCookies: false, pollForSchemaUpdates: false },
    });
    await expectText(page.locator('#embeddableSandbox'), 'sandbox');
    await page.close();
  });
});

/** Waits until the element's text contains `text`: what a user would see, however the editor renders it. */
async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect(await locator.first().innerText()).toContain(text);
}
