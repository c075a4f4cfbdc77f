import type { CycleRepository } from '@plancycle/persistence';
import type { PlanCycleActivities } from '@plancycle/workflows';

/**
 * Database writes for the cycle workflows. Each one is an upsert guarded by the workflow's sequence
 * number, so Temporal may retry it any number of times.
 */
export function createCycleActivities(cycles: CycleRepository): PlanCycleActivities {
  return {
    async recordCycleStarted(input) {
      await cycles.recordCycleStarted({
        id: input.cycleId,
        provinceCode: input.provinceCode,
        year: input.year,
        workflowId: input.workflowId,
        stage: input.stage,
        calendar: input.calendar,
        startedBy: input.startedBy,
        sequence: input.sequence,
        units: input.participants.map((unit) => ({ unitCode: unit.unitCode, workflowId: input.unitWorkflowIds[unit.unitCode] })),
      });
    },
    async recordCycleStage(input) {
      await cycles.recordCycle({
        id: input.cycleId,
        provinceCode: input.provinceCode,
        year: input.year,
        workflowId: input.workflowId,
        stage: input.stage,
        calendar: input.calendar,
        startedBy: input.startedBy,
        sequence: input.sequence,
      });
    },
    async recordUnitStage(input) {
      await cycles.recordUnit(input);
    },
  };
}
