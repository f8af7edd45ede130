import { spawnSync } from 'node:child_process';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One sample as both parsers see it. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One metric family: its type and help, and its samples. */
export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const PYTHON = '/usr/bin/python3';

// The official Prometheus Python client's parser (prometheus_client.parser): the reference
// implementation of the text format next to Go's expfmt, strict about every line.
const PY_PARSE = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for f in text_string_to_metric_families(sys.stdin.read()):
    out.append({"name": f.name, "type": f.type, "help": f.documentation,
                "samples": [{"name": s.name, "labels": s.labels, "value": s.value, "timestamp": s.timestamp}
                            for s in f.samples]})
print(json.dumps(out))
`;

/** Parses with the Prometheus Python client; throws with its message on any line it refuses. */
export function parseWithPrometheusClient(text: string): Family[] {
  const r = spawnSync(PYTHON, ['-c', PY_PARSE], { input: text, encoding: 'utf8' });
  if (r.error)
    throw new Error(`${PYTHON}: ${r.error.message} (apt-get install -y python3-prometheus-client)`);
  if (r.status !== 0) throw new Error(`prometheus_client refused the text: ${r.stderr.trim()}`);
  const families = JSON.parse(r.stdout) as (Family & { samples: (Sample & { timestamp: unknown })[] })[];
  for (const f of families)
    for (const s of f.samples) if (s.timestamp !== null) throw new Error(`${s.name} has a timestamp`);
  return families.map((f) => ({
    ...f,
    samples: f.samples.map(({ name, labels, value }) => ({ name, labels, value })),
  }));
}

/** Parses with parse-prometheus-text-format (npm; ported from the Python client's parser). */
export function parseWithNpmParser(text: string): Family[] {
  return parsePrometheusTextFormat(text).map((f) => ({
    name: f.name,
    type: f.type.toLowerCase(),
    help: f.help,
    samples: f.metrics.map((m) => {
      if (m.timestamp_ms !== undefined) throw new Error(`${f.name} has a timestamp`);
      return { name: f.name, labels: m.labels ?? {}, value: Number(m.value) };
    }),
  }));
}

/** The value of `name` with exactly these labels (among others given by `extra`), or undefined. */
export function valueOf(
  families: Family[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const family = families.find((f) => f.name === name);
  const sample = family?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return sample?.value;
}
