import type { PlanItem } from '@plancycle/domain';

/**
 * A row of seed shape for xã Ia Dom: Kiên Giang 2021's border conference (3 sites, 750 delegates)
 * with Trà Vinh 2020's budgeted 200.000.000đ, in Quý II of the given year.
 */
export function borderConferenceItem(year: number, changes: Partial<PlanItem> | Record<string, unknown> = {}): PlanItem {
  return {
    id: 'item-1',
    content: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu',
    leadUnitCode: 'GL.DUCCO.IADOM',
    coordinatingUnitCodes: ['GL.BDBP'],
    timeFrame: { kind: 'quarter', year, quarter: 2 },
    budget: 200_000_000,
    focusTaskNumbers: [],
    sourceItemId: null,
    ...changes,
  } as PlanItem;
}
