import { Module } from '@nestjs/common';

/** The coordinator's and the province's view of a cycle. */
@Module({})
export class DashboardPagesModule {}
