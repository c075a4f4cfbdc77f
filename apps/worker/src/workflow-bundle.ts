import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const WORKFLOWS_PATH = join(REPOSITORY_ROOT, 'workflows/src/workflows.ts');

/**
 * The workflow sandbox is built by webpack, which knows nothing of tsconfig path aliases:
 * hand it the same `@plancycle/*` aliases the TypeScript compiler uses.
 */
export function workflowAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
  return Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [`${alias}$`, join(REPOSITORY_ROOT, target)]));
}

export const bundlerOptions: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => {
    const resolve = config.resolve ?? {};
    return { ...config, resolve: { ...resolve, alias: { ...(resolve.alias as Record<string, string> | undefined), ...workflowAliases() } } };
  },
};

/** Bundles the workflows once, e.g. for a test run that starts many workers. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...bundlerOptions });
}
