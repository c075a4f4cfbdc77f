import { quartersOf, timeFrameLabel, validateTimeFrame } from '..';

describe('time frames of plan items', () => {
  it('prints each form as the seeds write it', () => {
    expect(timeFrameLabel({ kind: 'quarter', year: 2020, quarter: 2 })).toBe('Quý II/2020');
    expect(timeFrameLabel({ kind: 'month', year: 2021, month: 7 })).toBe('Tháng 7 năm 2021');
    expect(timeFrameLabel({ kind: 'year', year: 2020 })).toBe('Trong năm 2020');
    expect(timeFrameLabel({ kind: 'regular' })).toBe('Thường xuyên trong năm');
    expect(timeFrameLabel({ kind: 'lead_unit_schedule' })).toBe('Theo kế hoạch của cơ quan chủ trì');
  });

  it('puts an item in the quarterly reports it belongs to', () => {
    expect(quartersOf({ kind: 'quarter', year: 2021, quarter: 2 })).toEqual([2]);
    expect(quartersOf({ kind: 'month', year: 2021, month: 7 })).toEqual([3]);
    expect(quartersOf({ kind: 'regular' })).toEqual([1, 2, 3, 4]);
    expect(quartersOf({ kind: 'year', year: 2021 })).toEqual([1, 2, 3, 4]);
  });

  it('refuses a time frame outside the cycle year, or of an unknown form', () => {
    expect(validateTimeFrame({ kind: 'quarter', year: 2021, quarter: 2 }, 2021)).toEqual([]);
    expect(validateTimeFrame({ kind: 'quarter', year: 2022, quarter: 2 }, 2021)[0].code).toBe('TIME_FRAME_OUTSIDE_CYCLE');
    expect(validateTimeFrame({ kind: 'month', year: 2021, month: 13 }, 2021)[0].code).toBe('TIME_FRAME_INVALID');
    expect(validateTimeFrame({ kind: 'quarter', year: 2021, quarter: 5 }, 2021)[0].code).toBe('TIME_FRAME_INVALID');
    expect(validateTimeFrame({ kind: 'someday' }, 2021)[0].code).toBe('TIME_FRAME_INVALID');
    expect(validateTimeFrame('Quý II', 2021)[0].code).toBe('TIME_FRAME_INVALID');
  });
});
