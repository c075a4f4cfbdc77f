import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionOptions } from '@plancycle/config';
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

  constructor(@Inject(AppConfig) config: AppConfig) {
    const settings = config.value.temporal;
    this.connection = Connection.lazy(temporalConnectionOptions(settings));
    this.client = new Client({ connection: this.connection, namespace: settings.namespace });
    this.taskQueue = settings.taskQueue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
