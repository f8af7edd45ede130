// A real sandbox on an ephemeral port and a client for its demo merchant, for tests of the layers
// above src/soap (they talk over real HTTP, never to a mock).
import { createTwoCheckoutClient, type TwoCheckoutClient, type TwoCheckoutClientOptions } from '../../src';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

/** The demo merchant every sandbox is seeded with (src/sandbox/seed/demo.json). */
export const DEMO_CREDENTIALS = { merchantCode: 'DEMO', secretKey: 'DEMO_SECRET_KEY' } as const;

export interface SandboxPair {
  sandbox: Sandbox;
  client: TwoCheckoutClient;
  /** Closes the client, then stops the sandbox. */
  stop(): Promise<void>;
}

/** Starts a sandbox with `options` and a DEMO client for it (no proxy, whatever the environment). */
export async function startSandboxPair(
  options: SandboxOptions = {},
  clientOptions: Partial<TwoCheckoutClientOptions> = {},
): Promise<SandboxPair> {
  const sandbox = await startSandbox({ port: 0, ...options });
  let client: TwoCheckoutClient;
  try {
    client = createTwoCheckoutClient({
      ...DEMO_CREDENTIALS,
      url: sandbox.url,
      proxy: null,
      ...clientOptions,
    });
  } catch (err) {
    await sandbox.stop();
    throw err;
  }
  return {
    sandbox,
    client,
    stop: async () => {
      await client.close();
      await sandbox.stop();
    },
  };
}

/** Runs `body` against a fresh sandbox + DEMO client pair and stops both, whatever happens. */
export async function withSandboxPair(
  options: SandboxOptions,
  clientOptions: Partial<TwoCheckoutClientOptions>,
  body: (sandbox: Sandbox, client: TwoCheckoutClient) => Promise<void>,
): Promise<void> {
  const pair = await startSandboxPair(options, clientOptions);
  try {
    await body(pair.sandbox, pair.client);
  } finally {
    await pair.stop();
  }
}
