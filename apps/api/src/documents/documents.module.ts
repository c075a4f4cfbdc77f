import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Plans and reports as files: Excel now; Word and PDF in the layout of NĐ 30/2020. */
@Module({ imports: [PlansModule, ReportsModule], controllers: [DocumentsController], providers: [DocumentsService], exports: [DocumentsService] })
export class DocumentsModule {}
