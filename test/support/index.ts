export { createTestDatabase, type TestDatabase } from './test-database';
export { eventually } from './eventually';
