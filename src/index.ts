// The package's public entry point. It loads the client and the customers API only: the sandbox
// and the sync (and node-soap, used only by the fallback engine) load when first used, so
// `require('twocheckout-soap')` stays cheap for services that only call the API.
import type { Sandbox, SandboxOptions } from './sandbox';
import type { SyncDeps, SyncOptions, SyncReport } from './sync';

export * from './domain';
export * from './client';
export * from './facade';
export * from './customers';

/** Starts the bundled sandbox (loaded on first use). See src/sandbox. */
export async function startSandbox(options?: SandboxOptions): Promise<Sandbox> {
  return (await import('./sandbox')).startSandbox(options);
}

/** Runs the nightly customer sync (loaded on first use). See src/sync. */
export async function runSync(options: SyncOptions, deps: SyncDeps): Promise<SyncReport> {
  return (await import('./sync')).runSync(options, deps);
}

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
export type { SyncOptions, SyncReport, Outcome } from './sync';
