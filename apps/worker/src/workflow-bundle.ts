/**
 * The workflow sandbox is built by Temporal's webpack bundler, which knows nothing of tsconfig path
 * aliases: hand it the `@plancycle/*` aliases the TypeScript compiler uses, read from
 * tsconfig.base.json so a new library needs no change here. Used by the worker, and once per test
 * run by the tests' global setup.
 */
import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');
export const WORKFLOWS_PATH = join(REPO_ROOT, 'workflows/src/workflows.ts');

type WebpackConfigHook = NonNullable<BundleOptions['webpackConfigHook']>;

/** `@plancycle/x$` → absolute path of its entry file. */
export function workspaceAliases(root = REPO_ROOT): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
  };
  const baseUrl = resolve(root, tsconfig.compilerOptions?.baseUrl ?? '.');
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions?.paths ?? {})
      // Wildcard paths would need webpack's prefix aliases; the workspace uses none.
      .filter(([alias, targets]) => !alias.includes('*') && targets.length > 0)
      // `$` makes the alias exact, so `@plancycle/domain/x` is not silently rewritten.
      .map(([alias, [target]]) => [`${alias}$`, resolve(baseUrl, target)]),
  );
}

export const workspaceWebpackConfigHook: WebpackConfigHook = (config) => {
  const aliases = workspaceAliases();
  const resolveOptions = (config.resolve ??= {});
  const existing = resolveOptions.alias;
  resolveOptions.alias = Array.isArray(existing)
    ? [...existing, ...Object.entries(aliases).map(([name, alias]) => ({ name, alias }))]
    : { ...existing, ...aliases };
  return config;
};

export async function bundleWorkflows(workflowsPath = WORKFLOWS_PATH): Promise<{ code: string }> {
  if (!existsSync(workflowsPath)) throw new Error(`No workflow code to bundle: ${workflowsPath} does not exist.`);
  return bundleWorkflowCode({ workflowsPath, webpackConfigHook: workspaceWebpackConfigHook, logger: new DefaultLogger('WARN') });
}
