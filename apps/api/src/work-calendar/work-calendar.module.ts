import { Module } from '@nestjs/common';
import { WorkCalendarController } from './work-calendar.controller';
import { WorkCalendarService } from './work-calendar.service';

/** Days off and make-up days per year (the repository comes from the database module). */
@Module({ controllers: [WorkCalendarController], providers: [WorkCalendarService], exports: [WorkCalendarService] })
export class WorkCalendarModule {}
