import fs from 'node:fs';
import readline from 'node:readline';
import { JournalError, storageError } from './errors';
import { writeFully } from './output/atomic-file';
import type { JournalEntry, JournalHeader, JournalIntentEntry, JournalRecordEntry } from './journal-format';
import { RecordState, RecordStates } from './record-state';

export interface OpenedJournal {
  journal: Journal;
  states: RecordStates;
  /** Record entries already in the journal (before this run). */
  previousRecords: number;
  /** Why an earlier journal was set aside (a completed run of another input, or --restart), if it was. */
  rotatedTo?: string;
  /** A torn last line (a run killed mid-write) was cut off. */
  repairedTornLine: boolean;
}

function describeInput(h: JournalHeader): string {
  const sha = h.input.sha256 ? `, sha256 ${h.input.sha256.slice(0, 12)}…` : '';
  return `${h.input.path}, ${h.input.size} bytes${sha}`;
}

/** Same content: a journal is resumed only against the very bytes it was written for. */
function sameInput(a: JournalHeader, b: JournalHeader): boolean {
  return a.version === b.version && a.input.size === b.input.size && a.input.sha256 === b.input.sha256;
}

function describeSettingsChange(old: JournalHeader, now: JournalHeader): string | undefined {
  if (old.format !== now.format) return `format ${old.format} → ${now.format}`;
  if (old.key !== now.key) return `key ${old.key} → ${now.key}`;
  const a = JSON.stringify(old.settings);
  const b = JSON.stringify(now.settings);
  return a === b ? undefined : `settings ${a} → ${b}`;
}

/** Cuts everything after the last newline (a line torn by a kill); returns whether it cut. */
function cutTornTail(file: string): boolean {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return false;
    const window = Buffer.alloc(Math.min(size, 64 * 1024));
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - window.length);
      const n = fs.readSync(fd, window, 0, end - start, start);
      const nl = window.subarray(0, n).lastIndexOf(0x0a);
      if (nl !== -1) {
        const keep = start + nl + 1;
        if (keep === size) return false;
        fs.ftruncateSync(fd, keep);
        return true;
      }
      end = start;
    }
    fs.ftruncateSync(fd, 0);
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

function rotate(file: string): string {
  const target = `${file}.prev`;
  fs.renameSync(file, target);
  return target;
}

interface Loaded {
  header: JournalHeader;
  states: RecordStates;
  records: number;
  complete: boolean;
}

/** Sees every record and intent entry of a journal being resumed, in order (see pipeline/resume-index.ts). */
export type EntryVisitor = (entry: JournalRecordEntry | JournalIntentEntry) => void;

/** Reads a journal; `visitorFor` decides from its header whether record entries are visited. */
async function load(
  file: string,
  visitorFor: (header: JournalHeader) => EntryVisitor | undefined,
): Promise<Loaded> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: JournalHeader | undefined;
  const states = new RecordStates();
  let records = 0;
  let complete = false;
  let lineNo = 0;
  let visit: EntryVisitor | undefined;
  for await (const text of rl) {
    lineNo += 1;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(text) as JournalEntry;
    } catch {
      throw new JournalError(
        `journal ${file} is damaged at line ${lineNo} (not JSON); use --restart to start over`,
      );
    }
    if (lineNo === 1) {
      // Version 1 (an earlier release) is read to tell whether its run completed; never resumed.
      if (entry.type !== 'journal' || ![1, 2].includes(entry.version)) {
        throw new JournalError(
          `${file} is not a twocheckout-sync journal (version 2); use --restart or another --journal`,
        );
      }
      header = entry;
      visit = visitorFor(header);
      continue;
    }
    if (entry.type === 'record') {
      const state = entry.retry ? RecordState.Retry : RecordState.Done;
      states.set(entry.n, parseInt(entry.h, 16), state, records);
      records += 1;
      complete = false;
      visit?.(entry);
    } else if (entry.type === 'intent') visit?.(entry);
    else if (entry.type === 'end') complete = entry.complete;
    else if (entry.type === 'run') complete = false;
  }
  if (!header) throw new JournalError(`journal ${file} is empty; use --restart to start over`);
  return { header, states, records, complete };
}

/** Record entries held before they are written (at most this many bytes…). */
const BUFFER_BYTES = 64 * 1024;
/** …and for at most this long. */
const BUFFER_MS = 200;

/** Journals open in this process: an exit (process.exit on a second signal, a crash) writes what they hold. */
const openJournals = new Set<Journal>();
let exitHookInstalled = false;
function flushOpenJournals(): void {
  for (const journal of openJournals) journal.close();
}

/**
 * The append-only record of what a sync has done (NDJSON). Each record's outcome is appended after
 * the record is finished; a process kill can therefore lose at most the records in flight (they
 * run again, and the read-modify-write makes a second run a no-op: `unchanged`).
 *
 * Outcome lines are collected and written in one write of up to 64 KiB (at the latest after
 * 200 ms): a million records decided from the sync state must not cost a million system calls.
 * That is safe because everything else flushes them first: an intent (written at once, right
 * before a write is sent to 2Checkout), the run and end lines, a state commit (`flush()`), and
 * close, and the process's exit (a second signal, a crash). So whatever a kill -9 takes from the
 * end of the journal was followed by no write to 2Checkout and no confirmation in the state: those
 * records only run again, as if the kill had come a moment earlier. A held entry's `onWritten`
 * runs once its line is in the file, so the run counts only what the journal holds. The file is
 * always a whole number of lines: a failed write (disk full) is cut back, and the journal then
 * refuses every later write with the same error.
 * Writes go straight to the OS; `fdatasync` runs every `syncEveryMs` so an OS crash loses at most
 * that window, which again only means re-running records.
 */
export class Journal {
  private recordEntries: number;
  private lastSync = Date.now();
  private held: string[] = [];
  /** The `onWritten` of held entries, in their order (undefined where an entry has none). */
  private heldDone: ((() => void) | undefined)[] = [];
  private heldBytes = 0;
  private heldSince = 0;
  private broken: unknown;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly file: string,
    private fd: number | undefined,
    /** Bytes in the file: where the next line starts (a failed write is cut back to it). */
    private size: number,
    previousRecords: number,
    private readonly syncEveryMs: number,
  ) {
    this.recordEntries = previousRecords;
    // Lines held while the run waits on the network still reach the file within BUFFER_MS.
    this.timer = setInterval(() => {
      if (this.held.length > 0 && Date.now() - this.heldSince >= BUFFER_MS) {
        try {
          this.flush();
        } catch {
          // kept in `broken`: the next append or flush throws it
        }
      }
    }, BUFFER_MS);
    this.timer.unref();
    openJournals.add(this);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', flushOpenJournals);
    }
  }

  /**
   * Opens (or creates) the journal for `header`. An existing journal is resumed when it belongs to
   * the same input and settings; a completed journal of another input is set aside (`.prev`);
   * anything else is refused with a JournalError naming the difference. `restart` sets it aside too.
   */
  static async open(
    file: string,
    header: JournalHeader,
    options: { restart: boolean; syncEveryMs?: number; onEntry?: EntryVisitor },
  ): Promise<OpenedJournal> {
    let rotatedTo: string | undefined;
    let repairedTornLine = false;
    let states = new RecordStates();
    let previousRecords = 0;
    let exists = fs.existsSync(file);
    if (exists && !options.restart) {
      repairedTornLine = cutTornTail(file);
      // Killed before its header line was complete: nothing was recorded yet.
      if (fs.statSync(file).size === 0) {
        fs.rmSync(file);
        exists = false;
      }
    }
    if (exists && options.restart) rotatedTo = rotate(file);
    else if (exists) {
      const resumable = (old: JournalHeader): boolean =>
        sameInput(old, header) && describeSettingsChange(old, header) === undefined;
      const loaded = await load(file, (old) => (resumable(old) ? options.onEntry : undefined));
      if (!sameInput(loaded.header, header)) {
        if (!loaded.complete && loaded.header.version !== header.version) {
          throw new JournalError(
            `journal ${file} belongs to an unfinished run of an earlier twocheckout-sync (journal version ` +
              `${loaded.header.version}): finish it with that version, or pass --restart to discard it`,
          );
        }
        if (!loaded.complete) {
          throw new JournalError(
            `journal ${file} belongs to an unfinished run over a different input ` +
              `(${describeInput(loaded.header)}; now ${describeInput(header)}): ` +
              'finish that run with its original file, or pass --restart to discard it',
          );
        }
        rotatedTo = rotate(file);
      } else {
        const change = describeSettingsChange(loaded.header, header);
        if (change) {
          throw new JournalError(
            `journal ${file} was written with other settings (${change}); rerun with the original ones, or pass --restart`,
          );
        }
        states = loaded.states;
        previousRecords = loaded.records;
      }
    }
    const fresh = !fs.existsSync(file);
    let journal: Journal;
    try {
      const fd = fs.openSync(file, 'a');
      journal = new Journal(file, fd, fs.fstatSync(fd).size, previousRecords, options.syncEveryMs ?? 1000);
    } catch (e) {
      throw storageError('the journal', file, e);
    }
    if (fresh) {
      try {
        journal.append(header);
      } catch (e) {
        journal.close();
        // A header that did not fit would make the file unreadable: a journal without one is new.
        fs.rmSync(file, { force: true });
        throw e;
      }
    }
    return { journal, states, previousRecords, rotatedTo, repairedTornLine };
  }

  /**
   * Appends one entry. Record entries are held and written together (see the class); every other
   * entry is written at once, after what is held. `onWritten` runs once the entry is in the file
   * (never, if writing it fails). Returns the record-entry index for record entries.
   */
  append(entry: JournalEntry, onWritten?: () => void): number {
    if (entry.type !== 'record') {
      this.flush();
      this.writeNow(`${JSON.stringify(entry)}\n`);
      onWritten?.();
      return -1;
    }
    if (this.broken !== undefined) throw this.broken;
    if (this.fd === undefined) throw new JournalError(`journal ${this.file} is closed`);
    const line = `${JSON.stringify(entry)}\n`;
    if (this.held.length === 0) this.heldSince = Date.now();
    this.held.push(line);
    this.heldDone.push(onWritten);
    this.heldBytes += line.length;
    const index = this.recordEntries;
    this.recordEntries += 1;
    if (this.heldBytes >= BUFFER_BYTES) this.flush();
    if (Date.now() - this.lastSync >= this.syncEveryMs) this.sync();
    return index;
  }

  get records(): number {
    return this.recordEntries;
  }

  /** Writes the record entries held (before a state commit, and whenever they must be on file). */
  flush(): void {
    if (this.held.length === 0) return;
    const text = this.held.length === 1 ? this.held[0] : this.held.join('');
    const done = this.heldDone;
    this.held = [];
    this.heldDone = [];
    this.heldBytes = 0;
    this.writeNow(text);
    for (const f of done) f?.();
  }

  sync(): void {
    if (this.fd === undefined) return;
    this.flush();
    try {
      fs.fdatasyncSync(this.fd);
    } catch (e) {
      throw storageError('the journal', this.file, e);
    }
    this.lastSync = Date.now();
  }

  /** Writes what is held, flushes and closes; never throws (what was written is in the file either way). */
  close(): void {
    clearInterval(this.timer);
    openJournals.delete(this);
    if (this.fd === undefined) return;
    try {
      this.flush();
    } catch {
      // The next run reads what reached the file: those records run again.
    }
    try {
      fs.fdatasyncSync(this.fd);
    } catch {
      // Nothing more can be done for this run; the next one reads what reached the file.
    }
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /**
   * Writes whole lines with as many write calls as it takes. If that fails (disk full), the part
   * written is cut off again, so the journal still ends with a whole line; if even that fails,
   * the next run cuts the torn line. After a failure every write throws the same error.
   */
  private writeNow(text: string): void {
    if (this.broken !== undefined) throw this.broken;
    if (this.fd === undefined) throw new JournalError(`journal ${this.file} is closed`);
    const data = Buffer.from(text, 'utf8');
    try {
      writeFully(this.fd, data);
    } catch (e) {
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // the next run cuts it (cutTornTail)
      }
      this.broken = storageError('the journal', this.file, e);
      throw this.broken;
    }
    this.size += data.length;
  }
}

/** The lines of a file, read in large chunks (readline costs more per line than a million lines can afford). */
async function* fileLines(file: string): AsyncGenerator<string> {
  let rest = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) {
    const buf = chunk as Buffer;
    const last = buf.lastIndexOf(0x0a);
    if (last === -1) {
      rest = Buffer.concat([rest, buf]);
      continue;
    }
    // A newline never falls inside a multi-byte UTF-8 sequence: the part up to it decodes alone.
    const whole = rest.length > 0 ? Buffer.concat([rest, buf.subarray(0, last)]) : buf.subarray(0, last);
    rest = Buffer.from(buf.subarray(last + 1));
    for (const line of whole.toString('utf8').split('\n')) yield line;
  }
  if (rest.length > 0) yield rest.toString('utf8');
}

/** Streams the record entries of a journal with their index (for rendering the output files). */
export async function* readRecordEntries(
  file: string,
): AsyncGenerator<{ index: number; entry: JournalRecordEntry }> {
  let index = 0;
  for await (const text of fileLines(file)) {
    // Record entries are most of the journal; the others are skipped without being parsed.
    if (!text.startsWith('{"type":"record"')) continue;
    const entry = JSON.parse(text) as JournalEntry;
    if (entry.type !== 'record') continue;
    yield { index, entry };
    index += 1;
  }
}
