import { Module } from '@nestjs/common';

/** A plan's page: the editor, its versions, opinions and the decision forms. */
@Module({})
export class PlanPagesModule {}
