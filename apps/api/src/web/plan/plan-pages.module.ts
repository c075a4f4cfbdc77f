import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { PlansModule } from '../../plans/plans.module';
import { PlanPageController } from './plan-page.controller';

/** A plan's page: the editor, its versions, opinions and the decision forms. */
@Module({ imports: [PlansModule, DocumentsModule], controllers: [PlanPageController] })
export class PlanPagesModule {}
