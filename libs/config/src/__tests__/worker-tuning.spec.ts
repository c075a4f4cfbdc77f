import { DEFAULT_MAX_CACHED_WORKFLOWS, workerTuning } from '../worker-tuning';

describe('workerTuning', () => {
  const GiB = 2 ** 30;

  it('keeps the documented cache bound and the SDK defaults when nothing is set', () => {
    expect(workerTuning({}, 4 * GiB)).toEqual({ maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS, maxConcurrentWorkflowTaskExecutions: undefined, maxConcurrentActivityTaskExecutions: undefined });
  });

  it('caches fewer workflows on a small heap, as the SDK would', () => {
    expect(workerTuning({}, 0.5 * GiB).maxCachedWorkflows).toBe(182);
  });

  it('reads each setting from its variable', () => {
    const env = { WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8', WORKER_MAX_CONCURRENT_ACTIVITIES: '50' };
    expect(workerTuning(env)).toEqual({ maxCachedWorkflows: 0, maxConcurrentWorkflowTaskExecutions: 8, maxConcurrentActivityTaskExecutions: 50 });
  });

  it.each([
    ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
    ['WORKER_MAX_CACHED_WORKFLOWS', 'many'],
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '1e3'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '0x10'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '2.5'],
  ])('refuses %s=%p, naming the variable', (name, value) => {
    expect(() => workerTuning({ [name]: value })).toThrow(name);
  });
});
