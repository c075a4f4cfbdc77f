import { Inject, Injectable } from '@nestjs/common';
import { MailSettingsRepository, NotificationRepository, RecipientRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { AppConfig } from '../config/app-config';
import type { MailSettingsDto } from './dtos/mail-settings.dto';
import type { NotificationPreferencesDto } from './dtos/notification-preferences.dto';

const REFUSAL = { unknownCode: 'PROVINCE_NOT_FOUND', onlyAdminMay: 'xem và đặt cấu hình thư của tỉnh' };

/** What admins see and set about mail, and each person's mail preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(NotificationRepository) private readonly outbox: NotificationRepository,
    @Inject(MailSettingsRepository) private readonly senders: MailSettingsRepository,
    @Inject(RecipientRepository) private readonly recipients: RecipientRepository,
  ) {}

  /** Mail not out yet: what is queued, how often it was tried and the SMTP server's last answer. */
  async undelivered(provinceCode: string, admin: AuthenticatedUser) {
    const province = await this.access.adminProvince(admin, provinceCode, REFUSAL);
    const pending = await this.outbox.listUndelivered(province.code);
    return pending.map(({ id, kind, recipientEmail, delivery, attempts, lastAttemptAt, lastError, createdAt }) => ({
      id,
      kind,
      recipientEmail,
      delivery,
      attempts,
      lastAttemptAt,
      lastError,
      createdAt,
    }));
  }

  async mailSettings(provinceCode: string, admin: AuthenticatedUser) {
    const province = await this.access.adminProvince(admin, provinceCode, REFUSAL);
    return (await this.senders.find(province.code)) ?? { provinceCode: province.code, fromAddress: this.config.value.smtp.from, replyTo: null };
  }

  async saveMailSettings(provinceCode: string, body: MailSettingsDto, admin: AuthenticatedUser) {
    const province = await this.access.adminProvince(admin, provinceCode, REFUSAL);
    return this.senders.save({ provinceCode: province.code, fromAddress: body.fromAddress.trim(), replyTo: body.replyTo?.trim() || null }, admin.id);
  }

  async savePreferences(body: NotificationPreferencesDto, user: AuthenticatedUser) {
    const saved = await this.recipients.setPreferences(user.id, { locale: body.locale, notifyDigest: body.digest });
    return { locale: saved?.locale ?? body.locale, digest: saved?.notifyDigest ?? body.digest };
  }
}
