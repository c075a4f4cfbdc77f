// Lint is where the architecture is enforced: the Nx module-boundary rule decides which project
// may import which (by tag), and which npm packages the pure layers may touch at all.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Node built-ins that do I/O or break workflow determinism; banned from the domain and from workflows.
const nodeIo = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'dgram', 'dns', 'os', 'worker_threads', 'crypto', 'timers'];
const bannedNodeImports = nodeIo.flatMap((name) => [name, `node:${name}`]);

const boundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain'],
      allowedExternalImports: ['date-fns', 'date-fns/*', '@date-fns/tz', 'date-holidays', 'read-vietnamese-number'],
    },
    {
      sourceTag: 'type:workflows',
      onlyDependOnLibsWithTags: ['type:domain'],
      allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'],
    },
    { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain'] },
    { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:domain', 'type:io'] },
    {
      // Activities implement the activity interface declared in the workflow contract.
      sourceTag: 'type:activities',
      onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:io', 'type:workflows'],
    },
    {
      // Infra registers the workflows' search attributes when it starts Temporal.
      sourceTag: 'type:infra',
      onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:io', 'type:workflows'],
    },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:io', 'type:workflows', 'type:activities'],
    },
    {
      sourceTag: 'type:test',
      onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:io', 'type:workflows', 'type:activities', 'type:app', 'type:infra', 'type:test'],
    },
  ],
};

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries],
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/holidays/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/__tests__/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: bannedNodeImports.map((name) => ({ name, message: 'Không được dùng I/O ở tầng domain/workflow (domain and workflows do no I/O).' })) }],
    },
  },
  {
    // Tests of the pure layers may use the property-testing library their code must never import.
    files: ['libs/domain/**/__tests__/**/*.ts', 'libs/domain/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...boundaries, depConstraints: boundaries.depConstraints.map((rule) => (rule.sourceTag === 'type:domain' ? { ...rule, allowedExternalImports: [...rule.allowedExternalImports, 'fast-check'] } : rule)) },
      ],
    },
  },
  {
    // The end-to-end suites run the API and the worker in-process, so they alone may import apps.
    files: ['test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...boundaries, allow: ['@plancycle/api', '@plancycle/worker'] }],
    },
  },
];
