import { Module } from '@nestjs/common';
import { GuidancesController } from './guidances.controller';
import { GuidancesService } from './guidances.service';

@Module({ controllers: [GuidancesController], providers: [GuidancesService], exports: [GuidancesService] })
export class GuidancesModule {}
