// The Customer field facts live in src/domain (the sandbox shares them); re-exported for callers.
export * from '../domain/customer-fields';
