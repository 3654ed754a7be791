// Child process: the plain REST contender, against the Graph root the bench passes in BENCH_GRAPH_ROOT.
import type { AddressInfo } from 'node:net';
import { childMain } from '../process/childMain';
import { createRestServer } from './createRestServer';

childMain(async () => {
  const server = createRestServer(`${process.env['BENCH_GRAPH_ROOT'] ?? ''}/beta`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
