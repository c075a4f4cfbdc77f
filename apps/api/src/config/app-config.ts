import type { PlanCycleConfig } from '@plancycle/config';

/** The loaded configuration, injectable by class (no string tokens). */
export class AppConfig {
  constructor(readonly value: PlanCycleConfig) {}
}
