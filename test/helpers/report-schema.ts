import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'docs', 'report.schema.json');

/** The published schema, as a plain object. */
export function reportSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

let compiled: ValidateFunction | undefined;

/** docs/report.schema.json compiled by ajv in strict mode (unknown keywords are errors), with formats. */
export function reportValidator(): ValidateFunction {
  if (compiled) return compiled;
  // strictRequired off: the status rules (allOf) require properties defined at the top level.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  compiled = ajv.compile(reportSchema());
  return compiled;
}

/** The schema's complaints about `report`, one line each (empty: valid). */
export function schemaErrors(report: unknown): string[] {
  const validate = reportValidator();
  if (validate(report)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Fails the test with every schema complaint when `report` does not validate. */
export function expectValidReport(report: unknown): void {
  expect(schemaErrors(report)).toEqual([]);
}
