// The package's public entry point.
export * from './domain';
export * from './client';
export * from './customers';
export { startSandbox } from './sandbox';
