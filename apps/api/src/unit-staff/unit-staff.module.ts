import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitStaffRepository } from '@plancycle/persistence';
import { UnitStaffController } from './unit-staff.controller';
import { UnitStaffService } from './unit-staff.service';

// The repository is provided here rather than in the shared DatabaseModule: only this feature reads it.
@Module({
  controllers: [UnitStaffController],
  providers: [UnitStaffService, { provide: UnitStaffRepository, inject: [DataSource], useFactory: (ds: DataSource) => new UnitStaffRepository(ds) }],
})
export class UnitStaffModule {}
