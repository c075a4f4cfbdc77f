// For the API and the worker: workflow functions (as types for clients) and the contract.
export * from './contract';
export * from './workflows';
