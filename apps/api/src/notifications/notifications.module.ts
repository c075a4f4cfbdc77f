import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailSettingsRepository, NotificationRepository, RecipientRepository } from '@plancycle/persistence';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Mail as admins and users manage it; sending is the worker's. */
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    { provide: NotificationRepository, inject: [DataSource], useFactory: (ds: DataSource) => new NotificationRepository(ds) },
    { provide: MailSettingsRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MailSettingsRepository(ds) },
    { provide: RecipientRepository, inject: [DataSource], useFactory: (ds: DataSource) => new RecipientRepository(ds) },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
