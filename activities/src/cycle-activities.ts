import type { CycleRepository, GuidanceRepository, TaskRepository } from '@plancycle/persistence';
import type { CycleActivities } from '@plancycle/workflows';

/**
 * Database writes for the cycle workflows. Each one is an upsert guarded by the workflow's sequence
 * number, so Temporal may retry it any number of times.
 */
export function createCycleActivities(cycles: CycleRepository, guidances: GuidanceRepository, tasks: TaskRepository): CycleActivities {
  return {
    async cancelOpenTasks({ cycleId }) {
      return tasks.cancelOpenForCycle(cycleId);
    },
    async hasGuidance({ provinceCode, planYear }) {
      return (await guidances.listForProvince(provinceCode, planYear)).length > 0;
    },
    async recordCycleStarted(write) {
      await cycles.recordCycleStarted(write);
    },
    async recordCycleStage(write) {
      await cycles.recordCycle(write);
    },
    async recordUnitStage(write) {
      await cycles.recordUnit(write);
    },
  };
}
