import { loadConfig } from '@plancycle/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.api.port, config.api.host);
  console.log(`PlanCycle API: ${config.api.publicUrl}/api (OpenAPI: ${config.api.publicUrl}/api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
