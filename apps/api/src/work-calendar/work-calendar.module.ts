import { Module } from '@nestjs/common';
import { WorkCalendarController } from './work-calendar.controller';

/** Days off and make-up days per year (the repository comes from the database module). */
@Module({ controllers: [WorkCalendarController] })
export class WorkCalendarModule {}
