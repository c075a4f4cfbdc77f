import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/authenticated-user';
import { TemporalClientService } from '../temporal/temporal-client.service';

type Check = { status: 'up' | 'down' };

const CHECK_TIMEOUT_MS = 3000;
/** Callers within this window share one probe: the endpoint is public and each probe opens a connection. */
const REUSE_MS = 2000;

interface Health {
  status: 'up' | 'down';
  checks: { postgres: Check; temporal: Check };
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tình trạng kết nối tới Temporal và PostgreSQL' })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    if (!this.recent || Date.now() - this.recent.at > REUSE_MS) this.recent = { at: Date.now(), health: this.probeAll() };
    const health = await this.recent.health;
    response.status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }

  private recent: { at: number; health: Promise<Health> } | undefined;

  private async probeAll(): Promise<Health> {
    const [postgres, temporal] = await Promise.all([
      probe('PostgreSQL', () => this.dataSource.query('SELECT 1')),
      probe('Temporal', () => this.temporal.checkReachable(CHECK_TIMEOUT_MS)),
    ]);
    return { status: postgres.status === 'up' && temporal.status === 'up' ? 'up' : 'down', checks: { postgres, temporal } };
  }
}

const logger = new Logger('HealthController');

/** Up or down only: the reason (hosts, users, TLS details) goes to the log, not to anonymous callers. */
async function probe(name: string, call: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([call(), timeout]);
    return { status: 'up' };
  } catch (error) {
    logger.warn(`${name} is down: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
