import path from 'node:path';
import { buildImportGraph, checkRules, defineRules, type Edge, findCycles } from './support/importGraph';

/**
 * The dependency rule. Every file under src/ belongs to exactly one unit; a unit may import itself and
 * the units listed in its `mayImport`, nothing else of ours. Arrows point down: graph at the bottom,
 * then auth, operation, reports, apollo, and the entry points on top. Type-only imports count too:
 * the rule is about the design, not about what survives compilation.
 */
const RULES = defineRules({
  // graph speaks HTTP to Microsoft Graph and never knows GraphQL: it must stay usable without a schema.
  graph: { files: ['graph/'], mayImport: [], forbiddenPackages: ['graphql', '@apollo/'] },
  // errors is the list of error codes every layer answers with, so it can lean on no layer.
  errors: { files: ['errors.ts'], mayImport: [] },
  // enums are Graph's enum members, the one source both the schema and the OData whitelist derive from.
  enums: { files: ['enums.ts'], mayImport: [] },
  // config is read once at start-up and handed down; a config that imports a layer drags it into every test.
  config: { files: ['config.ts'], mayImport: [] },
  // auth turns callers' bearers and app credentials into tokens for Graph: settings in, no GraphQL.
  auth: { files: ['auth/'], mayImport: ['config', 'graph'] },
  // observability is how operators see and probe the gateway (metrics, traces, readiness): it records what graph
  // reports and what an operation did, and knows no report and no schema.
  observability: { files: ['observability/'], mayImport: ['graph', 'auth', 'config'] },
  // operation is one GraphQL request's plumbing (context, filters, cursors, paging) and knows no report.
  operation: { files: ['operation/'], mayImport: ['graph', 'config', 'errors', 'auth', 'enums', 'generated', 'observability'] },
  // reports are the resolvers of each Graph report, built on operation; they never see the Apollo server.
  reports: { files: ['reports/'], mayImport: ['operation', 'graph', 'config', 'errors', 'enums', 'generated'] },
  // apollo assembles schema, plugins and error formatting from everything below it, short of the entry points.
  apollo: { files: ['apollo/'], mayImport: ['reports', 'operation', 'graph', 'config', 'errors', 'auth', 'enums', 'generated'] },
  // emulator is a stand-alone fake Graph; sharing our code would let it agree with our bugs.
  emulator: { files: ['emulator/'], mayImport: [] },
  // generated is codegen output whose mapper imports point up into reports by design: its edges are not checked.
  generated: { files: ['generated/'], mayImport: 'unchecked' },
  // entry points wire everything together (server, HTTP front, main, SDL printer), so they may import anything.
  entry: { files: ['server.ts', 'http.ts', 'main.ts', 'printSdl.ts'], mayImport: 'anything' },
});

const ROOT = path.resolve(__dirname, '..');
const { files, edges } = buildImportGraph(ROOT, RULES);

describe('the dependency rule of src/', () => {
  it('the source tree follows the dependency rule', () => {
    const violations = checkRules(edges, RULES);
    expect(violations).toEqual([]);
  });

  it('no two units import each other, directly or around a cycle', () => {
    expect(findCycles(edges)).toEqual([]);
  });

  it('every source file belongs to a unit', () => {
    const unlisted = files
      .filter((f) => f.unit === undefined)
      .map((f) => `${f.file} belongs to no unit: add it (or its folder) to RULES in test/architecture.test.ts`);
    expect(unlisted).toEqual([]);
  });

  it('reads the import statements it is meant to check', () => {
    // Guards the two tests above against passing because the parser found nothing.
    expect(files.length).toBeGreaterThan(20);
    expect(edges).toContainEqual(expect.objectContaining({ fromUnit: 'graph', toUnit: 'graph' }));
    expect(edges).toContainEqual(expect.objectContaining({ fromUnit: 'reports', toUnit: 'operation' }));
  });
});

describe('the checker refuses a reversed arrow', () => {
  // Only what the synthetic edges add is looked at, so these pass while the real tree is still moving.
  const newViolations = (extra: Edge[]): string[] => {
    const before = new Set(checkRules(edges, RULES));
    return checkRules([...edges, ...extra], RULES).filter((v) => !before.has(v));
  };

  it('when graph imports operation', () => {
    const edge: Edge = { fromFile: 'src/graph/synthetic.ts', fromUnit: 'graph', specifier: '../operation/upstream', toUnit: 'operation' };
    expect(newViolations([edge])).toEqual([
      'graph → operation (src/graph/synthetic.ts imports ../operation/upstream) is not allowed: graph may import nothing of ours',
    ]);
  });

  it('when operation imports apollo', () => {
    const edge: Edge = { fromFile: 'src/operation/synthetic.ts', fromUnit: 'operation', specifier: '../apollo/schema', toUnit: 'apollo' };
    expect(newViolations([edge])).toEqual([
      expect.stringMatching(/^operation → apollo \(src\/operation\/synthetic\.ts imports \.\.\/apollo\/schema\) is not allowed: operation may import only /),
    ]);
  });

  it('when graph imports the graphql package', () => {
    const edge: Edge = { fromFile: 'src/graph/synthetic.ts', fromUnit: 'graph', specifier: 'graphql', package: 'graphql' };
    expect(newViolations([edge])).toEqual([
      'graph → graphql (src/graph/synthetic.ts imports graphql) is not allowed: graph may not import graphql, @apollo/*',
    ]);
  });

  it('when reports imports apollo, both as a rule violation and as a cycle', () => {
    // apollo → reports is allowed (and real once apollo wires the resolvers); it is added here too so the
    // cycle shows up whatever state the tree is in.
    const pair: Edge[] = [
      { fromFile: 'src/reports/synthetic.ts', fromUnit: 'reports', specifier: '../apollo/schema', toUnit: 'apollo' },
      { fromFile: 'src/apollo/synthetic.ts', fromUnit: 'apollo', specifier: '../reports', toUnit: 'reports' },
    ];
    expect(newViolations(pair)).toEqual([
      expect.stringMatching(/^reports → apollo \(src\/reports\/synthetic\.ts imports \.\.\/apollo\/schema\) is not allowed/),
    ]);
    expect(findCycles([...edges, ...pair])).toContainEqual(
      expect.objectContaining({ units: expect.arrayContaining(['apollo', 'reports']) }),
    );
  });
});
