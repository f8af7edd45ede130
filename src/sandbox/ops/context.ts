import type { SandboxStore } from '../store/store';

export interface OpContext {
  store: SandboxStore;
  merchant: string;
  now(): number;
}
