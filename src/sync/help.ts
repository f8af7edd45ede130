import { ENV_VARIABLES } from '../client/config';

const env = Object.entries(ENV_VARIABLES)
  .map(([name, what]) => `  ${name.padEnd(27)} ${what}`)
  .join('\n');

export const HELP = `twocheckout-sync: push customer changes from an export file into 2Checkout (SOAP API 4.0)

Usage: twocheckout-sync [options] <input.csv|input.jsonl>
       twocheckout-sync doctor [--customer REF] [--json]   check URL, TLS, WSDL, clock and login
                                                           first (twocheckout-sync doctor --help)

Each record is validated, then applied by read-modify-write: only changed fields are written,
records with nothing to change are 'unchanged'. A journal makes the run resumable: run the same
command again after a crash and it skips what was done.

Input
  --format csv|jsonl           input format (default: from the extension .csv / .jsonl / .ndjson)
  --key FIELD                  AvangateCustomerReference or ExternalCustomerReference
                               (default: whichever column the input has)
  --map SRC=FIELD,...          rename input columns to Customer fields; SRC= drops a column
                               (repeatable)
  --map-file FILE              the same as a JSON object {"SRC": "FIELD", "Notes": null}
  --empty-means skip|clear     an empty cell leaves the field unchanged (skip, default) or clears
                               it (clear); a cell holding exactly \\N always clears it
  --max-record-bytes N         longest record accepted (default 1048576); longer ones are errors

What to do
  --dry-run                    read only; list every planned change (old -> new) in the results
  --update-end-user-subscriptions  copy changed contact details to the customer's subscriptions
  --verify                     read each customer back after writing and compare
  --concurrency N              records in flight (default 8, max 64); one key is never concurrent
  --max-rps R                  at most R SOAP calls per second (client-side budget)
  --shard I/N                  process only shard I of N (split by a hash of the key)

Files (default directory: ./sync-out/<input name>/)
  --out-dir DIR                where the default files go
  --journal FILE               resume journal (default <out-dir>/journal.ndjson)
  --restart                    set the journal aside (.prev) and start from the first record
  --report FILE                run report, JSON (default <out-dir>/report.json)
  --results FILE               one line per record, .ndjson or .csv (default results.ndjson)
  --dead-letter FILE           invalid and failed records in the input's format, with an _error
                               column: fix them and use the file as the next run's input
                               (default dead-letter.csv / dead-letter.jsonl)

Operation
  --log-format text|json       log lines on stderr (default text)
  --log-level debug|info|warn|error
  --progress auto|bar|lines|none  bar on a terminal, a log line every interval otherwise (auto)
  --progress-interval SECONDS  between progress lines (default 30)
  --drain-timeout SECONDS      on SIGINT/SIGTERM or a fatal error, how long records in flight may
                               finish (default 30)
  --max-consecutive-failures N stop (exit 2) after N records in a row failed with errors that may
                               pass later, i.e. the service looks down (default 50; 0: never)
  --url URL                    service URL (overrides TWOCHECKOUT_SOAP_URL)
  --timeout-ms N               per-request timeout (overrides TWOCHECKOUT_TIMEOUT_MS)
  --env-file FILE              read variables from FILE instead of ./.env
  -h, --help                   this text
  --version                    the version

Credentials come from the environment or .env, never from the command line:
${env}

Exit codes
  0    every record done (updated, unchanged or planned)
  1    some records were invalid or failed: see the dead-letter file
  2    fatal: bad options, configuration, authentication, unreadable input, journal or lock held
  130  stopped by SIGINT, 143 stopped by SIGTERM (rerun the same command to resume)

Examples
  # nightly job: resumable, JSON logs for the log shipper
  twocheckout-sync --log-format json /data/export/customers.csv

  # what would change? (reads only)
  twocheckout-sync --dry-run customers.csv

  # an export with its own column names; drop the Notes column
  twocheckout-sync --map "Mail=Email,Vorname=FirstName,Nachname=LastName,Notes=" crm.csv

  # retry only what failed last night
  twocheckout-sync --out-dir sync-out/retry sync-out/customers/dead-letter.csv

  # two hosts splitting one file
  host-a$ twocheckout-sync --shard 1/2 customers.jsonl
  host-b$ twocheckout-sync --shard 2/2 customers.jsonl
`;
