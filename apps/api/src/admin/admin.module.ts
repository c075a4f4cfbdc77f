import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { UnitSettingsController } from './unit-settings.controller';
import { UnitSettingsService } from './unit-settings.service';

/** What a province admin manages besides cycles: its accounts and its units' plan chain. */
@Module({ controllers: [AdminUsersController, UnitSettingsController], providers: [AdminUsersService, UnitSettingsService], exports: [AdminUsersService, UnitSettingsService] })
export class AdminModule {}
