// Child process: the gateway exactly as `npm start` builds it, configured by the environment the bench sets.
import { loadConfig } from '../../../src/config';
import { createServer } from '../../../src/server';
import { childMain } from '../process/childMain';

childMain(async () => {
  const server = await createServer(loadConfig(process.env));
  return { url: server.url, stop: () => server.stop() };
});
