import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { requireSystemTool, SYSTEM_TOOLS } from './systemTools';

/** The flags of a quiet, self-contained headless Chromium: no sandbox (root in CI), no GPU, no calls home. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The system's Chromium (obtained by test/globalSetup.ts), headless, with a fresh profile that is deleted
 * on close. Every request leaving loopback is refused, as on a machine with no internet, unless `online`
 * answers it. Actions and navigations time out after `timeoutMs`, so a broken page fails instead of hanging.
 */
export async function launchChromium(options: { timeoutMs?: number } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = requireSystemTool(SYSTEM_TOOLS.chromium);
  const profile = mkdtempSync(join(tmpdir(), 'grg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS, timeout: 30_000 });
  context.setDefaultTimeout(options.timeoutMs ?? 20_000);
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) ? route.fallback() : route.abort('internetdisconnected');
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
