/**
 * The one place environment variables are read. The API, the worker and the tools all build their
 * settings here, so a production override (a real Temporal cluster, a managed PostgreSQL, a real
 * SMTP relay) is one variable, the same for every process.
 */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls: { serverName?: string; serverRootCaPath?: string; clientCertPath?: string; clientKeyPath?: string } | null;
}

export interface PlanCycleConfig {
  temporal: TemporalSettings;
  databaseUrl: string;
  /**
   * Connections each process (API or worker) keeps to PostgreSQL at most (DATABASE_POOL_SIZE, default
   * 10, the driver's own). On a managed server the sum over every process must stay under its limit.
   */
  databasePoolSize?: number;
  smtp: { url: string; from: string };
  api: {
    host: string;
    port: number;
    jwtSecret: string;
    /** Signs the approve/return links in task emails; the worker signs, the API checks. */
    linkSecret: string;
    /** Where people reach the API; links in emails start with it. */
    publicUrl: string;
    /**
     * Behind a reverse proxy, which hops to trust for the client's address (Express's `trust proxy`:
     * a hop count, `loopback`, addresses): the sign-in limit counts per client address, and without
     * it every official would share the proxy's. Unset: the connecting address is the client's.
     */
    trustProxy?: number | string;
  };
}

export const DEFAULT_TASK_QUEUE = 'plancycle';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlanCycleConfig {
  const host = env.API_HOST ?? '127.0.0.1';
  const port = Number(env.API_PORT ?? 3000);
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
      tls:
        env.TEMPORAL_TLS === 'true' || env.TEMPORAL_TLS_CERT
          ? {
              serverName: env.TEMPORAL_TLS_SERVER_NAME,
              serverRootCaPath: env.TEMPORAL_TLS_CA,
              clientCertPath: env.TEMPORAL_TLS_CERT,
              clientKeyPath: env.TEMPORAL_TLS_KEY,
            }
          : null,
    },
    databaseUrl: required(env, 'DATABASE_URL'),
    databasePoolSize: poolSizeOf(env.DATABASE_POOL_SIZE),
    smtp: {
      url: required(env, 'SMTP_URL'),
      from: env.MAIL_FROM ?? 'PlanCycle <no-reply@plancycle.local>',
    },
    api: {
      host,
      port,
      jwtSecret: required(env, 'JWT_SECRET'),
      linkSecret: required(env, 'ACTION_LINK_SECRET'),
      publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
      trustProxy: trustProxyOf(env.TRUST_PROXY),
    },
  };
}

/**
 * `true` is refused: it would trust the leftmost X-Forwarded-For entry, which any client writes, and
 * so let anyone choose the address the sign-in limit counts.
 */
function trustProxyOf(value: string | undefined): number | string | undefined {
  if (value === undefined || value === '' || value === 'false') return undefined;
  if (value === 'true') throw new Error('TRUST_PROXY=true would let any client choose its own address; give the number of proxy hops (e.g. 1), `loopback`, or the proxies\' addresses.');
  return /^\d+$/.test(value) ? Number(value) : value;
}

function poolSizeOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`DATABASE_POOL_SIZE="${value}" is not a whole number of at least 1.`);
  return size;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new Error(`${name} is not set. Start the whole system with \`npm start\`, or set ${name} for an existing service.`);
  }
  return value;
}
