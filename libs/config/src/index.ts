export * from './config';
export * from './temporal-connection';
