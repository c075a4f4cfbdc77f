import type { Problem } from '../errors/domain-error';

/**
 * Thời gian thực hiện: when a plan item is carried out, in the forms the seeds use
 * (`Quý II/2020`, `Tháng 7 năm 2021`, `Thường xuyên trong năm`, `Trong năm 2020`,
 * `Theo kế hoạch của cơ quan chủ trì`).
 */
export type TimeFrame =
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'regular' }
  | { kind: 'lead_unit_schedule' };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function timeFrameLabel(frame: TimeFrame): string {
  switch (frame.kind) {
    case 'quarter':
      return `Quý ${ROMAN[frame.quarter - 1]}/${frame.year}`;
    case 'month':
      return `Tháng ${frame.month} năm ${frame.year}`;
    case 'year':
      return `Trong năm ${frame.year}`;
    case 'regular':
      return 'Thường xuyên trong năm';
    case 'lead_unit_schedule':
      return 'Theo kế hoạch của cơ quan chủ trì';
  }
}

/**
 * The quarters whose report lists the item: a quarter's items in that quarter, a month's in the
 * quarter holding it, and everything that runs all year in every quarter.
 */
export function quartersOf(frame: TimeFrame): Array<1 | 2 | 3 | 4> {
  switch (frame.kind) {
    case 'quarter':
      return [frame.quarter];
    case 'month':
      return [Math.ceil(frame.month / 3) as 1 | 2 | 3 | 4];
    default:
      return [1, 2, 3, 4];
  }
}

/** Checks a time frame sent by a client: the right shape, and inside the cycle's year. */
export function validateTimeFrame(frame: unknown, cycleYear: number, field = 'timeFrame'): Problem[] {
  const invalid = (message: string): Problem[] => [{ code: 'TIME_FRAME_INVALID', field, message }];
  if (typeof frame !== 'object' || frame === null) return invalid('Thời gian thực hiện không hợp lệ.');
  const value = frame as Record<string, unknown>;
  switch (value.kind) {
    case 'regular':
    case 'lead_unit_schedule':
      return [];
    case 'quarter':
      if (![1, 2, 3, 4].includes(value.quarter as number)) return invalid('Quý phải là 1, 2, 3 hoặc 4.');
      break;
    case 'month':
      if (!Number.isInteger(value.month) || (value.month as number) < 1 || (value.month as number) > 12) {
        return invalid('Tháng phải là số nguyên từ 1 đến 12.');
      }
      break;
    case 'year':
      break;
    default:
      return invalid('Loại thời gian thực hiện phải là quý, tháng, năm, thường xuyên hoặc theo kế hoạch của cơ quan chủ trì.');
  }
  if (value.year !== cycleYear) {
    return [{ code: 'TIME_FRAME_OUTSIDE_CYCLE', field, message: `Thời gian thực hiện phải nằm trong năm ${cycleYear} của kế hoạch.` }];
  }
  return [];
}
