import { ENV_VARIABLES } from '../client/config';
import { envName, FLAG_GROUPS, FLAGS, INPUT_ENV, type FlagSpec } from './flags';

const WIDTH = 100;
const COLUMN = 31;

/** Word-wraps `text` into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function flagLine(f: FlagSpec): string {
  const arg = f.arg ? (f.bareValue !== undefined ? `[=${f.arg}]` : ` ${f.arg}`) : '';
  const name = `${f.short ? `-${f.short}, ` : ''}--${f.name}${arg}`;
  const text = f.defaultText ? `${f.help} (default: ${f.defaultText})` : f.help;
  const body = wrap(text, WIDTH - COLUMN);
  const first =
    name.length < COLUMN - 2
      ? `  ${name.padEnd(COLUMN - 2)}${body[0]}`
      : `  ${name}\n${' '.repeat(COLUMN)}${body[0]}`;
  return [first, ...body.slice(1).map((l) => `${' '.repeat(COLUMN)}${l}`)].join('\n');
}

const flagSections = FLAG_GROUPS.map(
  (group) =>
    `${group}\n${FLAGS.filter((f) => f.group === group)
      .map(flagLine)
      .join('\n')}`,
).join('\n\n');

const credentials = Object.entries(ENV_VARIABLES)
  .map(([name, what]) => `  ${name.padEnd(27)} ${what}`)
  .join('\n');

export const HELP = `twocheckout-sync: push customer changes from an export file into 2Checkout (SOAP API 4.0)

Usage: twocheckout-sync [options] <input.csv|input.jsonl>
       twocheckout-sync doctor [--customer REF] [--json]   check URL, TLS, WSDL, clock and login
                                                           first (twocheckout-sync doctor --help)

Each record is validated, then applied by read-modify-write: only changed fields are written,
records with nothing to change are 'unchanged'. A journal makes the run resumable: run the same
command again after a crash and it skips what was done.

${flagSections}

Every flag can also come from the environment as TWOCHECKOUT_SYNC_<FLAG> (upper case, - as _;
e.g. ${envName('concurrency')}=32, ${envName('dry-run')}=true, and ${INPUT_ENV} for the input),
or from the .env file. Precedence: flag > environment > .env > default. --no-<flag> turns off a
yes/no flag set by the environment.

Credentials come from the environment or .env, never from the command line:
${credentials}

Exit codes
  0    every record done (updated, unchanged, planned, or superseded by a later record of its key)
  1    some records were invalid or failed: see the dead-letter file
  2    fatal: bad options, configuration, authentication, unreadable input, unwritable output,
       disk full, journal of another input, lock held
  130  stopped by SIGINT, 143 stopped by SIGTERM (rerun the same command to resume)

Examples
  # nightly job: resumable, JSON logs for the log shipper
  twocheckout-sync --log-format json /data/export/customers.csv

  # what would change? (reads only; the first 20 changes on stdout)
  twocheckout-sync --dry-run --show-changes customers.csv

  # for the node_exporter textfile collector
  twocheckout-sync --metrics-file /var/lib/node_exporter/textfile/twocheckout-sync.prom customers.csv

  # an export with its own column names; drop the Notes column
  twocheckout-sync --map "Mail=Email,Vorname=FirstName,Nachname=LastName,Notes=" crm.csv

  # retry only what failed last night
  twocheckout-sync --out-dir sync-out/retry sync-out/customers/dead-letter.csv

  # two hosts splitting one file
  host-a$ twocheckout-sync --shard 1/2 customers.jsonl
  host-b$ twocheckout-sync --shard 2/2 customers.jsonl

Scheduler recipes (Kubernetes CronJob and Indexed Job, Jenkins, systemd): docs/scheduling.md
`;
