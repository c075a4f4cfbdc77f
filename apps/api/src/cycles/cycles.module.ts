import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaskEscalationRepository } from '@plancycle/persistence';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';

@Module({
  controllers: [CyclesController],
  providers: [CyclesService, { provide: TaskEscalationRepository, inject: [DataSource], useFactory: (ds: DataSource) => new TaskEscalationRepository(ds) }],
  exports: [CyclesService],
})
export class CyclesModule {}
