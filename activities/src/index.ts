import type { DataSource } from 'typeorm';
import { CycleRepository, GuidanceRepository } from '@plancycle/persistence';
import type { PlanCycleActivities } from '@plancycle/workflows';
import { createCycleActivities } from './cycle-activities';
import { createPlanActivities } from './plan-activities';

/** Every activity the worker registers, wired to one database. */
export function createActivities(dataSource: DataSource): PlanCycleActivities {
  return { ...createCycleActivities(new CycleRepository(dataSource), new GuidanceRepository(dataSource)), ...createPlanActivities(dataSource) };
}

export { createCycleActivities, createPlanActivities };
