// The package's public entry point.
export * from './domain';
export * from './client';
export * from './customers';
export { startSandbox } from './sandbox';
export type {
  Sandbox,
  SandboxOptions,
  SandboxMerchant,
  SandboxFaultOptions,
  SandboxRateLimit,
  SandboxStats,
  FaultTiming,
  SeedData,
} from './sandbox';
export { runSync } from './sync';
export { runDoctor } from './doctor';
export type { DoctorReport, DoctorSettings, Check, Cause } from './doctor';
export type { SyncOptions, SyncReport, Outcome } from './sync';
