import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WorkCalendarDayKind = 'day_off' | 'working_day';
/** `baseline` rows come from @plancycle/holidays; `admin` rows are an admin's edits and win over the baseline. */
export type WorkCalendarDaySource = 'baseline' | 'admin';

@Entity({ name: 'work_calendar_days' })
export class WorkCalendarDayEntity {
  /** `YYYY-MM-DD`: kept as a string so no time zone can shift the day. */
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  kind!: WorkCalendarDayKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  source!: WorkCalendarDaySource;
}
