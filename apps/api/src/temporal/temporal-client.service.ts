import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionOptions, type TemporalSettings } from '@plancycle/config';
import { AppConfig } from '../config/app-config';

/**
 * The API's Temporal client. The connection is lazy: the API starts (and answers /health honestly)
 * even while Temporal is down, and connects on first use.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  readonly taskQueue: string;
  private readonly settings: TemporalSettings;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const settings = config.value.temporal;
    this.settings = settings;
    this.connection = Connection.lazy(temporalConnectionOptions(settings));
    this.client = new Client({ connection: this.connection, namespace: settings.namespace });
    this.taskQueue = settings.taskQueue;
  }

  /**
   * One call on a connection of its own without the client's retry interceptor: a health check
   * must answer "down" promptly, and must not leave retries running after it gave up.
   */
  async checkReachable(timeoutMs: number): Promise<void> {
    const probe = await Connection.connect({ ...temporalConnectionOptions(this.settings), interceptors: [], connectTimeout: timeoutMs });
    try {
      await probe.withDeadline(Date.now() + timeoutMs, () => probe.workflowService.getSystemInfo({}));
    } finally {
      await probe.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
