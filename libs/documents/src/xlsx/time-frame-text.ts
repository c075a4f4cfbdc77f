import type { TimeFrame } from '@plancycle/domain';
import { looseKey } from './cells';

const QUARTERS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export type TimeFrameReading = { frame: TimeFrame } | { error: string };

/**
 * Reads a "Thời gian thực hiện" cell in the forms the seeds write it: `Quý II/2020` (or `Quý 2/2020`,
 * `Quý II năm 2020`), `Tháng 7 năm 2021` (or `Tháng 7/2021`), `Thường xuyên trong năm` (the seeds add
 * the year: `Thường xuyên trong năm 2020`), `Trong năm 2020`, `Theo kế hoạch của cơ quan chủ trì`.
 * A year other than the cycle's is an error: a plan covers its own year only.
 */
export function readTimeFrameText(text: string, cycleYear: number): TimeFrameReading {
  const key = looseKey(text);
  const inYear = (year: string, frame: TimeFrame): TimeFrameReading =>
    Number(year) === cycleYear ? { frame } : { error: `thời gian thực hiện "${text}" không thuộc năm ${cycleYear} của kế hoạch.` };

  const quarter = /^quy ([a-z0-9]+) ?(?:\/|nam) ?(\d{4})$/.exec(key);
  if (quarter) {
    const number = QUARTERS[quarter[1]];
    if (!number) return { error: `"${text}": quý phải là I, II, III hoặc IV (hoặc 1 đến 4).` };
    return inYear(quarter[2], { kind: 'quarter', year: Number(quarter[2]), quarter: number });
  }
  const month = /^thang (\d{1,2}) ?(?:\/|nam) ?(\d{4})$/.exec(key);
  if (month) {
    const number = Number(month[1]);
    if (number < 1 || number > 12) return { error: `"${text}": tháng phải từ 1 đến 12.` };
    return inYear(month[2], { kind: 'month', year: Number(month[2]), month: number });
  }
  const year = /^(?:trong )?nam (\d{4})$/.exec(key);
  if (year) return inYear(year[1], { kind: 'year', year: Number(year[1]) });
  const regular = /^thuong xuyen(?: trong nam(?: (\d{4}))?)?$/.exec(key);
  if (regular) return regular[1] ? inYear(regular[1], { kind: 'regular' }) : { frame: { kind: 'regular' } };
  if (/^theo ke hoach cua (?:co quan|don vi) chu tri$/.test(key)) return { frame: { kind: 'lead_unit_schedule' } };

  return {
    error: text
      ? `không đọc được thời gian thực hiện "${text}"; hãy ghi như "Quý II/${cycleYear}", "Tháng 7 năm ${cycleYear}", "Trong năm ${cycleYear}", "Thường xuyên trong năm" hoặc "Theo kế hoạch của cơ quan chủ trì".`
      : 'chưa ghi thời gian thực hiện.',
  };
}
