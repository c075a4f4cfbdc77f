import { DEFAULT_MAX_CACHED_WORKFLOWS, workerTuning } from '../worker-tuning';

describe('workerTuning', () => {
  it('keeps the documented cache bound and the SDK defaults when nothing is set', () => {
    expect(workerTuning({})).toEqual({ maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS, maxConcurrentWorkflowTaskExecutions: undefined, maxConcurrentActivityTaskExecutions: undefined });
  });

  it('reads each setting from its variable', () => {
    const env = { WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8', WORKER_MAX_CONCURRENT_ACTIVITIES: '50' };
    expect(workerTuning(env)).toEqual({ maxCachedWorkflows: 0, maxConcurrentWorkflowTaskExecutions: 8, maxConcurrentActivityTaskExecutions: 50 });
  });

  it.each([
    ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
    ['WORKER_MAX_CACHED_WORKFLOWS', 'many'],
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '0'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '2.5'],
  ])('refuses %s=%p, naming the variable', (name, value) => {
    expect(() => workerTuning({ [name]: value })).toThrow(name);
  });
});
