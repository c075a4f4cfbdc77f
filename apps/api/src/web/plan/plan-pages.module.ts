import { Module } from '@nestjs/common';
import { PlansModule } from '../../plans/plans.module';
import { PlanPageController } from './plan-page.controller';

/** A plan's page: the editor, its versions, opinions and the decision forms. */
@Module({ imports: [PlansModule], controllers: [PlanPageController] })
export class PlanPagesModule {}
