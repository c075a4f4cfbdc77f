import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CycleRepository,
  GuidanceRepository,
  OrgUnitRepository,
  RevokedTokenRepository,
  UserRepository,
  WorkCalendarRepository,
  createDataSource,
} from '@plancycle/persistence';
import { AppConfig } from '../config/app-config';

/** One DataSource per API process, and the repositories over it. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createDataSource(config.value.databaseUrl, { poolSize: config.value.databasePoolSize }).initialize(),
    },
    { provide: OrgUnitRepository, inject: [DataSource], useFactory: (ds: DataSource) => new OrgUnitRepository(ds) },
    { provide: UserRepository, inject: [DataSource], useFactory: (ds: DataSource) => new UserRepository(ds) },
    { provide: RevokedTokenRepository, inject: [DataSource], useFactory: (ds: DataSource) => new RevokedTokenRepository(ds) },
    { provide: CycleRepository, inject: [DataSource], useFactory: (ds: DataSource) => new CycleRepository(ds) },
    { provide: WorkCalendarRepository, inject: [DataSource], useFactory: (ds: DataSource) => new WorkCalendarRepository(ds) },
    { provide: GuidanceRepository, inject: [DataSource], useFactory: (ds: DataSource) => new GuidanceRepository(ds) },
  ],
  exports: [DataSource, OrgUnitRepository, UserRepository, RevokedTokenRepository, CycleRepository, WorkCalendarRepository, GuidanceRepository],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
