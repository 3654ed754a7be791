import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * One fenced block of the README, with the language of its fence and the HTML comment, if any, on the
 * line just before it. The marking rule is the README's ("Tests"): ```graphql and ```sh blocks run;
 * any other language is shown, not run; `<!-- run-by: <test file> -->` hands a block to that test.
 */
export interface ReadmeBlock {
  readonly language: string;
  readonly body: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  /** The test file named by a `<!-- run-by: … -->` comment on the line before the block. */
  readonly runBy: string | null;
}

export function readmeBlocks(text = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')): ReadmeBlock[] {
  const lines = text.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 1}: a code fence is never closed`);
    const before = (lines[i - 1] ?? '').trim();
    blocks.push({
      language: open[1] ?? '',
      body: lines.slice(i + 1, end).join('\n'),
      line: i + 1,
      runBy: /^<!--\s*run-by:\s*(\S+)\s*-->$/.exec(before)?.[1] ?? null,
    });
    i = end;
  }
  return blocks;
}

/** The one block that names `testFile` in its `run-by` comment. */
export function blockRunBy(testFile: string): ReadmeBlock {
  const found = readmeBlocks().filter((b) => b.runBy === testFile);
  if (found.length !== 1) throw new Error(`README.md must hand exactly one block to ${testFile} (<!-- run-by: ${testFile} -->), but hands it ${found.length}`);
  return found[0]!;
}

/** Recipes name the default address; the tests' gateway listens on a port of its own. */
export function pointAt(recipe: string, gatewayUrl: string): string {
  return recipe.replaceAll('http://localhost:4000/', gatewayUrl).replaceAll('localhost:4000', new URL(gatewayUrl).host);
}
