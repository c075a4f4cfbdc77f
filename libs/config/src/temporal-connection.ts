import { readFileSync } from 'node:fs';
import type { TemporalSettings } from './config';

/** Connection options shared by the client (API) and the worker, TLS included for a real cluster. */
export function temporalConnectionOptions(settings: TemporalSettings) {
  const tls = settings.tls;
  return {
    address: settings.address,
    tls: tls
      ? {
          serverNameOverride: tls.serverName,
          serverRootCACertificate: tls.serverRootCaPath ? readFileSync(tls.serverRootCaPath) : undefined,
          clientCertPair:
            tls.clientCertPath && tls.clientKeyPath
              ? { crt: readFileSync(tls.clientCertPath), key: readFileSync(tls.clientKeyPath) }
              : undefined,
        }
      : undefined,
  };
}
