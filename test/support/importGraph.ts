import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One unit of the dependency rule: which files make it up and what it may lean on. */
export interface UnitRule<U extends string = string> {
  /** Paths relative to src/; a trailing '/' means the whole folder. */
  readonly files: readonly string[];
  /** Other units this one may import; 'anything' for entry points, 'unchecked' for generated code. */
  readonly mayImport: readonly U[] | 'anything' | 'unchecked';
  /** npm packages the unit must not import; a trailing '/' means a whole scope (`@apollo/`). */
  readonly forbiddenPackages?: readonly string[];
}

export type Rules = Readonly<Record<string, UnitRule>>;

/** Identity, there so a unit named in `mayImport` that the table does not define fails to compile. */
export function defineRules<U extends string>(rules: Record<U, UnitRule<NoInfer<U>>>): Record<U, UnitRule<U>> {
  return rules;
}

/** One import statement, attributed to units: `fromFile` is repo-relative, `specifier` as written. */
export type Edge = { readonly fromFile: string; readonly fromUnit: string; readonly specifier: string } & (
  | { readonly toUnit: string }
  | { readonly package: string }
);

export interface SourceFile {
  readonly file: string;
  readonly unit: string | undefined;
}

/** Stands for a relative import that lands on no unit (a file outside src/ or not yet in the table). */
export const UNLISTED = '(unlisted)';

export function unitOf(rules: Rules, fileUnderSrc: string): string | undefined {
  return Object.keys(rules).find((unit) =>
    rules[unit]!.files.some((p) => (p.endsWith('/') ? fileUnderSrc.startsWith(p) : fileUnderSrc === p)),
  );
}

/** Every module specifier of a file: imports, re-exports, `import('x')` types and calls, `require('x')`. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node)) {
      const first = node.arguments[0];
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isImport || isRequire) && first !== undefined && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `@scope/name/sub` -> `@scope/name`, `graphql/language` -> `graphql`, `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.isFile() && entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Reads every src/**\/*.ts under `root` and attributes its imports to units. Files of an 'unchecked'
 * unit and files of no unit produce no edges (the latter are reported on their own).
 */
export function buildImportGraph(root: string, rules: Rules): { files: SourceFile[]; edges: Edge[] } {
  const srcDir = path.join(root, 'src');
  const posix = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const files: SourceFile[] = [];
  const edges: Edge[] = [];
  for (const abs of listTs(srcDir).sort()) {
    const fromFile = posix(abs);
    const fromUnit = unitOf(rules, fromFile.slice('src/'.length));
    files.push({ file: fromFile, unit: fromUnit });
    if (fromUnit === undefined || rules[fromUnit]!.mayImport === 'unchecked') continue;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      continue; // moved away between listing and reading
    }
    for (const specifier of moduleSpecifiers(abs, text)) {
      if (!specifier.startsWith('.')) {
        edges.push({ fromFile, fromUnit, specifier, package: packageName(specifier) });
        continue;
      }
      const target = path.resolve(path.dirname(abs), specifier);
      const candidates = [`${target}.ts`, path.join(target, 'index.ts'), target];
      // A target that does not exist (yet) is still attributed by its path.
      const resolved = candidates.find((c) => existsSync(c)) ?? candidates[0]!;
      const underSrc = path.relative(srcDir, resolved).split(path.sep).join('/');
      const toUnit = underSrc.startsWith('..') ? undefined : unitOf(rules, underSrc);
      edges.push({ fromFile, fromUnit, specifier, toUnit: toUnit ?? UNLISTED });
    }
  }
  return { files, edges };
}

function describeEdge(edge: Edge): string {
  const to = 'toUnit' in edge ? edge.toUnit : edge.package;
  return `${edge.fromUnit} → ${to} (${edge.fromFile} imports ${edge.specifier})`;
}

function isForbidden(pkg: string, forbidden: readonly string[]): boolean {
  return forbidden.some((f) => (f.endsWith('/') ? pkg.startsWith(f) : pkg === f));
}

/** Pure: one human-readable line per edge the rule table does not allow. */
export function checkRules(edges: readonly Edge[], rules: Rules): string[] {
  const violations: string[] = [];
  for (const edge of edges) {
    const rule = rules[edge.fromUnit];
    if (rule === undefined) {
      violations.push(`${describeEdge(edge)} is not allowed: ${edge.fromUnit} is not in the rule table, add it`);
    } else if ('package' in edge) {
      const forbidden = rule.forbiddenPackages ?? [];
      if (isForbidden(edge.package, forbidden)) {
        const names = forbidden.map((f) => (f.endsWith('/') ? `${f}*` : f)).join(', ');
        violations.push(`${describeEdge(edge)} is not allowed: ${edge.fromUnit} may not import ${names}`);
      }
    } else if (edge.toUnit !== edge.fromUnit && Array.isArray(rule.mayImport) && !rule.mayImport.includes(edge.toUnit)) {
      const allowed = rule.mayImport.length === 0 ? 'nothing of ours' : `only ${rule.mayImport.join(', ')}`;
      violations.push(`${describeEdge(edge)} is not allowed: ${edge.fromUnit} may import ${allowed}`);
    }
  }
  return violations;
}

export interface Cycle {
  /** The units of one strongly connected component, sorted. */
  readonly units: string[];
  /** One example import per ordered pair of units in it that has any. */
  readonly edges: string[];
}

/** Tarjan's strongly connected components over unit → unit edges; only components of 2+ units. */
export function findCycles(edges: readonly Edge[]): Cycle[] {
  const unitEdges = edges.filter((e): e is Edge & { toUnit: string } => 'toUnit' in e && e.toUnit !== e.fromUnit);
  const next = new Map<string, Set<string>>();
  for (const e of unitEdges) {
    if (!next.has(e.fromUnit)) next.set(e.fromUnit, new Set());
    if (!next.has(e.toUnit)) next.set(e.toUnit, new Set());
    next.get(e.fromUnit)!.add(e.toUnit);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);

  return components
    .filter((c) => c.length > 1)
    .map((c) => {
      const units = [...c].sort();
      const examples = new Map<string, string>();
      for (const e of unitEdges) {
        const pair = `${e.fromUnit} → ${e.toUnit}`;
        if (c.includes(e.fromUnit) && c.includes(e.toUnit) && !examples.has(pair)) examples.set(pair, describeEdge(e));
      }
      return { units, edges: [...examples.keys()].sort().map((pair) => examples.get(pair)!) };
    })
    .sort((a, b) => a.units.join().localeCompare(b.units.join()));
}
