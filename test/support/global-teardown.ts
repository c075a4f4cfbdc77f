/** Stops what test/support/global-setup.ts started, in any case and in parallel. */
import { rmSync } from 'node:fs';
import { cleanUpPostgres, takeTestServices } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const services = takeTestServices();
  if (!services) return;
  const results = await Promise.allSettled([
    services.stopTemporal?.() ?? Promise.resolve(),
    cleanUpPostgres(services.postgres, services.template),
    Promise.resolve().then(() => services.bundlePath && rmSync(services.bundlePath, { force: true })),
  ]);
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failures.length) throw new AggregateError(failures.map((failure) => failure.reason), 'Stopping the test services failed.');
}
