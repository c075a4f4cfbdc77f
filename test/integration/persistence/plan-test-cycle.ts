import type { DataSource } from 'typeorm';
import { CycleRepository, UserRepository, seedDemo } from '@plancycle/persistence';
import { annualCycleWorkflowId, cycleIdOf, defaultCycleCalendar, unitPlanWorkflowId, workCalendar, type PlanItem } from '@plancycle/domain';

export interface PlanTestCycle {
  cycleId: string;
  /** Ids of demo accounts, by username. */
  users: Record<'officer' | 'appraiser' | 'approver' | 'admin', string>;
}

/** The demo provinces and a running Gia Lai cycle for the year, as the cycle's workflow records it. */
export async function recordPlanTestCycle(ds: DataSource, year: number): Promise<PlanTestCycle> {
  await seedDemo(ds);
  const users = new UserRepository(ds);
  const idOf = async (username: string) => {
    const user = await users.findByUsername(username);
    if (!user) throw new Error(`The demo seed has no ${username}.`);
    return user.id;
  };
  const cycleId = cycleIdOf('GL', year);
  const admin = await idOf('admin.gl');
  await new CycleRepository(ds).recordCycleStarted({
    id: cycleId,
    provinceCode: 'GL',
    year,
    workflowId: annualCycleWorkflowId(cycleId),
    stage: 'running',
    calendar: defaultCycleCalendar(year, workCalendar()),
    startedBy: admin,
    sequence: 1,
    units: [],
  });
  return {
    cycleId,
    users: { officer: await idOf('canbo.songoaivu'), appraiser: await idOf('thamdinh.ducco'), approver: await idOf('pheduyet.ducco'), admin },
  };
}

/** Rows of the Trà Vinh 2020 appendix shape (seed 002). */
export function planItems(year: number, count = 2): PlanItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `item-${index + 1}`,
    content: index === 0 ? 'Tổ chức hội nghị thông tin đối ngoại tại 03 điểm cho 750 đại biểu' : `Nội dung số ${index + 1}`,
    leadUnitCode: 'GL.STTTT',
    coordinatingUnitCodes: ['GL.SNGV'],
    timeFrame: { kind: 'quarter' as const, quarter: 2 as const, year },
    budget: index === 0 ? 200_000_000 : null,
    focusTaskNumbers: [1],
    sourceItemId: null,
  }));
}

/** The unit's plan workflow, or (until the domain names it) one of the same shape for the provincial plan. */
export function planWorkflowId(cycleId: string, unitCode: string, kind: 'provincial' | 'unit'): string {
  return kind === 'unit' ? unitPlanWorkflowId(cycleId, unitCode) : `${annualCycleWorkflowId(cycleId)}/provincial-plan`;
}
