import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTemporalCli } from '@plancycle/infra';

export const HISTORIES = join(__dirname, '../fixtures/histories');

/**
 * With PLANCYCLE_RECORD_HISTORIES=vN, keeps a workflow's history as a replay fixture named
 * `vN-<name>.json` (exported by the Temporal CLI, the JSON form `historyFromJSON` reads back).
 * test/integration/replay.int-spec.ts replays every fixture against every later version.
 */
export async function recordHistoryFixture(workflowId: string, name: string): Promise<void> {
  const version = process.env.PLANCYCLE_RECORD_HISTORIES;
  if (!version) return;
  const cli = await ensureTemporalCli();
  const json = execFileSync(cli, ['workflow', 'show', '--workflow-id', workflowId, '--output', 'json', '--address', process.env.TEMPORAL_ADDRESS as string]);
  writeFileSync(join(HISTORIES, `${version}-${name}.json`), json);
  // A workflow whose children's ids derive from its own id replays only under that id.
  writeFileSync(join(HISTORIES, `${version}-${name}.workflow-id`), `${workflowId}\n`);
}

/** The id a fixture's workflow ran under, when it was recorded with it (v8 on); else the file's name. */
export function fixtureWorkflowId(file: string): string {
  const sidecar = join(HISTORIES, file.replace(/\.json$/, '.workflow-id'));
  return existsSync(sidecar) ? readFileSync(sidecar, 'utf8').trim() : file;
}
