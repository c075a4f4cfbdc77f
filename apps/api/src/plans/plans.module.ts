import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRepository, PlanOpinionRepository, PlanRepository, TaskRepository } from '@plancycle/persistence';
import { PlansController } from './plans.controller';
import { DecisionGateway } from './decision-gateway';
import { PlansService } from './plans.service';

@Module({
  controllers: [PlansController],
  providers: [
    PlansService,
    DecisionGateway,
    { provide: PlanRepository, inject: [DataSource], useFactory: (ds: DataSource) => new PlanRepository(ds) },
    { provide: PlanOpinionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new PlanOpinionRepository(ds) },
    { provide: TaskRepository, inject: [DataSource], useFactory: (ds: DataSource) => new TaskRepository(ds) },
    { provide: AuditRepository, inject: [DataSource], useFactory: (ds: DataSource) => new AuditRepository(ds) },
  ],
  exports: [PlansService, DecisionGateway, PlanRepository, PlanOpinionRepository, TaskRepository, AuditRepository],
})
export class PlansModule {}
