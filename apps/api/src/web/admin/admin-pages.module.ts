import { Module } from '@nestjs/common';

/** What a province admin manages in the browser. */
@Module({})
export class AdminPagesModule {}
