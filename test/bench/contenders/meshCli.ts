import { resolve } from 'node:path';

/** The Mesh CLI of test/bench/mesh, run with this Node (no npx, no shell). */
export const meshCli = resolve(__dirname, '../mesh/node_modules/@graphql-mesh/cli/cjs/bin.js');
