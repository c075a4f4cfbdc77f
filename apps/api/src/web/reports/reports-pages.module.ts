import { Module } from '@nestjs/common';

/** Quarterly, annual, ad-hoc and provincial reports in the browser. */
@Module({})
export class ReportsPagesModule {}
