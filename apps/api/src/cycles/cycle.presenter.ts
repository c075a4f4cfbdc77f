import { CYCLE_STAGE_LABELS, ORG_UNIT_KIND_LABELS, UNIT_STAGE_LABELS, type CycleStage, type OrgUnitKind, type UnitStage } from '@plancycle/domain';
import type { CycleRecord } from '@plancycle/persistence';

/** What the API says about a cycle: the record plus the Vietnamese labels a screen shows. */
export function presentCycle(cycle: CycleRecord) {
  return {
    id: cycle.id,
    provinceCode: cycle.provinceCode,
    provinceName: cycle.provinceName,
    year: cycle.year,
    workflowId: cycle.workflowId,
    stage: cycle.stage,
    stageLabel: CYCLE_STAGE_LABELS[cycle.stage as CycleStage] ?? cycle.stage,
    calendar: cycle.calendar,
    startedBy: cycle.startedBy,
    startedAt: cycle.startedAt,
    closedAt: cycle.closedAt,
    units: cycle.units.map((unit) => ({
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      kind: unit.kind,
      kindLabel: ORG_UNIT_KIND_LABELS[unit.kind as OrgUnitKind] ?? unit.kind,
      stage: unit.stage,
      stageLabel: UNIT_STAGE_LABELS[unit.stage as UnitStage] ?? unit.stage,
      workflowId: unit.workflowId,
      updatedAt: unit.updatedAt,
    })),
  };
}

export type CycleView = ReturnType<typeof presentCycle>;
