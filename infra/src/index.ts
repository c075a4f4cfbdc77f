export { CHROMIUM_ARGS, ensureChromium } from './chromium';
export { ensureDebianPackages, ensureDocumentTools, type DebianPackage, type DocumentTools } from './debian-packages';
export { PLANCYCLE_SEARCH_ATTRIBUTES } from './search-attributes';
export {
  ensureTemporalCli,
  findFreePort,
  startTemporalDevServer,
  TEMPORAL_CLI_PACKAGE,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-dev-server';
export {
  createDatabaseFromTemplate,
  dropDatabase,
  ensureDatabase,
  resolvePostgres,
  withDatabase,
  type PostgresSource,
  type ResolvedPostgres,
  type ResolvePostgresOptions,
} from './postgres';
