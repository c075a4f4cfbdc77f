import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ESLINT = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');

/**
 * Lints a snippet as if it were a file at `filePath` with the project's own ESLint command (the
 * same one `npm test` runs), returning the ids of the rules it breaks.
 */
async function brokenRules(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.map((message) => message.ruleId ?? message.message);
}

// The architecture is only real if the lint that guards it fails on a violation.
describe('module boundaries', () => {
  jest.setTimeout(60_000);

  // The Nx rule reads the project graph from Nx's cache and silently skips itself without one,
  // which is why `npm run lint` computes the graph first; so does this test.
  beforeAll(() => {
    const nx = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: ROOT, encoding: 'utf8' });
    if (nx.status !== 0) throw new Error(`nx show projects failed: ${nx.stderr}`);
  });

  it('keeps workflows away from the database, activities and Node I/O', async () => {
    expect(await brokenRules('workflows/src/bad.ts', "import { CycleRepository } from '@plancycle/persistence';\nexport const x = CycleRepository;\n"))
      .toContain('@nx/enforce-module-boundaries');
    expect(await brokenRules('workflows/src/bad.ts', "import { Client } from 'pg';\nexport const x = Client;\n")).toContain('@nx/enforce-module-boundaries');
    expect(await brokenRules('workflows/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
  });

  it('keeps the domain free of I/O and of every other layer', async () => {
    expect(await brokenRules('libs/domain/src/bad.ts', "import { loadConfig } from '@plancycle/config';\nexport const x = loadConfig;\n"))
      .toContain('@nx/enforce-module-boundaries');
    expect(await brokenRules('libs/domain/src/bad.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"))
      .toContain('@nx/enforce-module-boundaries');
  });

  it('lets a workflow import the domain and the workflow SDK', async () => {
    const code = "import { proxyActivities } from '@temporalio/workflow';\nimport { cycleIdOf } from '@plancycle/domain';\nexport const x = [proxyActivities, cycleIdOf];\n";
    expect(await brokenRules('workflows/src/fine.ts', code)).toEqual([]);
  });
});
