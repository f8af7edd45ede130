// The scheduler recipes in docs/scheduling.md (and the cron line in docs/sync.md) are read as the
// tools would read them: the YAML blocks are parsed, and every twocheckout-sync command line they
// contain, with the environment they give it, goes through the sync's own parser. A flag that does
// not exist, a bad value, a grace period shorter than the drain timeout, or a journal on a volume
// that does not persist fails here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ENV_VARIABLES } from '../../src/client/config';
import { parseCommandLine, type CliSettings } from '../../src/sync/args';
import { envName, FLAGS, INPUT_ENV } from '../../src/sync/flags';

const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = fs.readFileSync(path.join(ROOT, 'docs', 'scheduling.md'), 'utf8');
const SYNC_PAGE = fs.readFileSync(path.join(ROOT, 'docs', 'sync.md'), 'utf8');

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v ?? {}) as Obj;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

function blocks(page: string, lang: string): string[] {
  return [...page.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]);
}

const manifests: Obj[] = blocks(PAGE, 'yaml').flatMap((text) =>
  parseAllDocuments(text).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Obj;
  }),
);
const byName = (kind: string, name: string): Obj => {
  const found = manifests.find((m) => m.kind === kind && obj(m.metadata).name === name);
  if (!found) throw new Error(`docs/scheduling.md has no ${kind} ${name}`);
  return found;
};

/** The sync's settings for a command line and an environment, exactly as the CLI would parse them. */
function parse(argv: string[], env: Record<string, string>): CliSettings {
  const parsed = parseCommandLine(argv, { env, defaultDotenv: false });
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${parsed.kind}`);
  return parsed.settings;
}

/** What /bin/sh makes of a command line: the words, expansions done (the command is not run). */
function shellWords(command: string, env: Record<string, string> = {}): string[] {
  const script = command.replace(/^\s*(exec\s+)?\S*twocheckout-sync\b/, 'printf "%s\\n"');
  const r = spawnSync('/bin/sh', ['-c', script], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').slice(0, -1);
}

/** Every variable a recipe sets must be one the sync or the client reads. */
function expectKnownVariables(names: string[]): void {
  const known = new Set([
    ...FLAGS.filter((f) => f.env !== false).map((f) => envName(f.name)),
    INPUT_ENV,
    ...Object.keys(ENV_VARIABLES),
  ]);
  for (const name of names.filter((n) => n.startsWith('TWOCHECKOUT_'))) {
    expect({ name, known: known.has(name) }).toEqual({ name, known: true });
  }
}

/** The pod's environment: its ConfigMaps (from this page), its `env`, and the Secret's keys. */
function podEnv(container: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of list(container.envFrom)) {
    const ref = obj(from.configMapRef).name ?? obj(from.secretRef).name;
    const source = from.configMapRef
      ? byName('ConfigMap', String(ref)).data
      : byName('Secret', String(ref)).stringData;
    Object.assign(env, obj(source));
  }
  for (const e of list(container.env)) env[String(e.name)] = String(e.value);
  expectKnownVariables(Object.keys(env));
  return env;
}

/** The mount a path lives under, and the volume behind it. */
function volumeOf(pod: Obj, container: Obj, file: string): Obj {
  const mount = list(container.volumeMounts).find((m) => file.startsWith(`${String(m.mountPath)}/`));
  if (!mount) throw new Error(`${file} is on no volume`);
  expect(mount.readOnly).not.toBe(true);
  const volume = list(pod.volumes).find((v) => v.name === mount.name);
  if (!volume) throw new Error(`no volume ${String(mount.name)}`);
  return volume;
}

function jobPod(cronJob: Obj): { job: Obj; pod: Obj; container: Obj } {
  const job = obj(obj(obj(cronJob.spec).jobTemplate).spec);
  const pod = obj(obj(job.template).spec);
  const [container] = list(pod.containers);
  return { job, pod, container };
}

function expectSharedRules(cronJob: Obj, settings: CliSettings, pod: Obj, job: Obj, container: Obj): void {
  expect(obj(cronJob.spec).concurrencyPolicy).toBe('Forbid');
  expect(pod.restartPolicy).toBe('Never');
  // SIGTERM, the drain, then the report: all before the kubelet's SIGKILL.
  expect(Number(pod.terminationGracePeriodSeconds)).toBeGreaterThan(settings.sync.drainTimeoutMs / 1000 + 10);
  // The journal is on a persistent volume, and so is the metrics file.
  expect(volumeOf(pod, container, settings.sync.files.journal).persistentVolumeClaim).toBeDefined();
  expect(settings.sync.files.metrics).toMatch(/\.prom$/);
  volumeOf(pod, container, String(settings.sync.files.metrics));
  // Exit 1 and 2 are not worth a retry; the rule names the container it is about.
  for (const rule of list(obj(job.podFailurePolicy).rules).filter((r) => r.onExitCodes)) {
    expect(obj(rule.onExitCodes).containerName).toBe(container.name);
    expect(obj(rule.onExitCodes).values).toEqual([1, 2]);
  }
}

describe('docs/scheduling.md recipes', () => {
  it('the Kubernetes CronJob: Forbid, a persistent journal, grace above --drain-timeout, a fixed host name', () => {
    const cronJob = byName('CronJob', 'twocheckout-sync');
    const { job, pod, container } = jobPod(cronJob);
    // The image's entry point is twocheckout-sync; the flags come from the ConfigMap.
    expect(container.command).toBeUndefined();
    const settings = parse(list(container.args).map(String), podEnv(container));
    expect(settings.sync.input).toBe('/data/export/customers.csv');
    expect(settings.logFormat).toBe('json');
    expectSharedRules(cronJob, settings, pod, job, container);
    const state = volumeOf(pod, container, settings.sync.files.journal);
    const claim = byName('PersistentVolumeClaim', String(obj(state.persistentVolumeClaim).claimName));
    expect(obj(claim.spec).accessModes).toEqual(['ReadWriteOncePod']);
    expect(pod.hostname).toBe('twocheckout-sync'); // the lock can then judge a dead pod's lock
    expect(job.podReplacementPolicy).toBe('Failed');
    expect(blocks(PAGE, 'dockerfile').join('')).toMatch(/ENTRYPOINT \["twocheckout-sync"\]/);
  });

  it('the Indexed Job: --shard $((JOB_COMPLETION_INDEX+1))/N with N = completions covers 1/N … N/N', () => {
    const cronJob = byName('CronJob', 'twocheckout-sync-sharded');
    const { job, pod, container } = jobPod(cronJob);
    expect(job.completionMode).toBe('Indexed');
    const n = Number(job.completions);
    expect(Number(job.parallelism)).toBeLessThanOrEqual(n);
    expect(container.command).toEqual(['sh', '-c']);
    const [command] = list(container.args).map(String);
    expect(command).toMatch(/^exec twocheckout-sync /); // the shell becomes the sync: SIGTERM reaches it
    expect(command).toContain(`--shard "$((JOB_COMPLETION_INDEX + 1))/${n}"`);
    const env = podEnv(container);
    const shards: string[] = [];
    const metrics = new Set<string>();
    for (let index = 0; index < n; index++) {
      const settings = parse(shellWords(command, { JOB_COMPLETION_INDEX: String(index) }), env);
      expect(settings.sync.shard).toEqual({ index: index + 1, count: n });
      shards.push(`${settings.sync.shard?.index}/${settings.sync.shard?.count}`);
      metrics.add(String(settings.sync.files.metrics));
      expect(settings.sync.files.journal).toMatch(
        new RegExp(`journal\\.shard-${index + 1}-of-${n}\\.ndjson$`),
      );
      expectSharedRules(cronJob, settings, pod, job, container);
    }
    expect(shards).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
    expect(metrics.size).toBe(n); // one metrics file per shard
    expect(list(obj(job.podFailurePolicy).rules).map((r) => r.action)).toContain('FailIndex');
    expect(job.backoffLimitPerIndex).toBeGreaterThan(0); // FailIndex needs it
  });

  it('Jenkins: no concurrent builds, the credentials bound, a command line the sync accepts', () => {
    const [jenkinsfile] = blocks(PAGE, 'groovy');
    expect(jenkinsfile).toContain('disableConcurrentBuilds()');
    expect(jenkinsfile).toMatch(/TWOCHECKOUT_SECRET_KEY = credentials\('/);
    const env = Object.fromEntries(
      [...jenkinsfile.matchAll(/^\s*(TWOCHECKOUT_\w+) = '([^']*)'/gm)].map((m) => [m[1], m[2]]),
    );
    expectKnownVariables([...jenkinsfile.matchAll(/\b(TWOCHECKOUT_\w+)\b/g)].map((m) => m[1]));
    const script = /script: '''([\s\S]*?)'''/.exec(jenkinsfile)?.[1] ?? '';
    const settings = parse(shellWords(script.replace(/\\\n/g, ' ').trim()), env);
    expect(settings.showChanges).toBe(50);
    expect(settings.sync.files.outDir).toBe('/var/lib/twocheckout-sync/sync-out');
    // Below the agent's kill wait the page recommends.
    expect(settings.sync.drainTimeoutMs / 1000).toBeLessThan(30);
  });

  it('systemd: a oneshot service stopped with SIGTERM after more than --drain-timeout; a persistent timer', () => {
    const [service, timer] = blocks(PAGE, 'ini').map((text) => {
      const keys: Record<string, string> = {};
      for (const line of text.split('\n')) {
        const m = /^(\w+)=(.*)$/.exec(line);
        if (m) keys[m[1]] = m[2];
      }
      return keys;
    });
    expect(service).toMatchObject({
      Type: 'oneshot',
      KillSignal: 'SIGTERM',
      StateDirectory: 'twocheckout-sync',
    });
    const settings = parse(shellWords(service.ExecStart), {});
    expect(Number(service.TimeoutStopSec)).toBeGreaterThan(settings.sync.drainTimeoutMs / 1000);
    expect(settings.sync.files.outDir.startsWith('/var/lib/twocheckout-sync/')).toBe(true);
    expect(service.ReadWritePaths).toBe(path.dirname(String(settings.sync.files.metrics)));
    expect(timer).toMatchObject({ Persistent: 'true', WantedBy: 'timers.target' });
    expect(timer.OnCalendar).toMatch(/\d\d:\d\d/);
  });

  it('the Pushgateway wrapper is valid sh', () => {
    const [wrapper] = blocks(PAGE, 'sh');
    const r = spawnSync('/bin/sh', ['-n'], { input: wrapper, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(wrapper).toMatch(/trap 'kill -TERM "\$pid"/);
  });

  it("docs/sync.md's cron line is one line, and a command line the sync accepts", () => {
    const [cron] = blocks(SYNC_PAGE, 'cron');
    const entry = cron.split('\n').find((l) => /^[\d*]/.test(l)) ?? '';
    expect(entry.endsWith('\\')).toBe(false); // cron has no line continuation
    const command = /twocheckout-sync (.*?) >>/.exec(entry)?.[1] ?? '';
    const settings = parse(shellWords(`twocheckout-sync ${command}`), {});
    expect(settings.sync.files.metrics).toMatch(/\.prom$/);
    expect(settings.showChanges).toBe('auto'); // no terminal: no diff in the mail
  });

  it('docs/sync.md and README.md link to the recipes', () => {
    expect(SYNC_PAGE).toContain('(scheduling.md)');
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('docs/scheduling.md');
  });
});
