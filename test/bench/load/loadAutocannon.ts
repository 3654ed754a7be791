import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Autocannon } from './Autocannon';

/** autocannon from test/bench/tools, where `npm run bench` installs it (never in the gateway's own dependencies). */
export function loadAutocannon(): Autocannon {
  return createRequire(resolve(__dirname, '../tools/package.json'))('autocannon') as Autocannon;
}
