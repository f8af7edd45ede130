// Loaded into the sync CLI with NODE_OPTIONS=--require, for tests on machines where a small tmpfs
// cannot be mounted: makes files under ENOSPC_DIR share ENOSPC_BUDGET bytes of space, counted in
// 4 KiB pages like a tmpfs, so writes fail with ENOSPC when it is used up (the one crossing the
// limit is short). With ENOSPC_MATCH, only files whose name contains that text count. Only
// appending writes are modelled (what the sync does); nothing else is changed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.ENOSPC_DIR ? path.resolve(process.env.ENOSPC_DIR) : undefined;
const match = process.env.ENOSPC_MATCH;
let budget = Number(process.env.ENOSPC_BUDGET ?? '0');
const PAGE = 4096;
/** fd → the file's space: { size, pages } (shared by the fds of one path). */
const watched = new Map();
const files = new Map();

const isWatched = (file) =>
  dir !== undefined &&
  typeof file === 'string' &&
  path.resolve(file).startsWith(dir + path.sep) &&
  (match === undefined || path.basename(file).includes(match));

function enospc() {
  const e = new Error('ENOSPC: no space left on device, write');
  e.code = 'ENOSPC';
  e.errno = -28;
  e.syscall = 'write';
  return e;
}

function track(fd, file, flags) {
  const key = path.resolve(file);
  let space = files.get(key);
  if (!space || (typeof flags === 'string' && flags.startsWith('w'))) {
    if (space) budget += space.pages * PAGE;
    space = { size: 0, pages: 0 };
    try {
      space.size = fs.fstatSync(fd).size;
      space.pages = Math.ceil(space.size / PAGE);
    } catch {
      // a new file
    }
    files.set(key, space);
  }
  watched.set(fd, space);
}

/** How many of `length` bytes appended to fd's file still fit; 0 means the write fails. */
function allow(fd, length) {
  const space = watched.get(fd);
  if (!space) return length;
  const needed = Math.ceil((space.size + length) / PAGE) - space.pages;
  const granted = Math.min(needed, Math.floor(budget / PAGE));
  space.pages += granted;
  budget -= granted * PAGE;
  const n = Math.min(length, space.pages * PAGE - space.size);
  space.size += n;
  return n;
}

const { openSync, open, closeSync, close, writeSync, write, writev } = fs;
fs.openSync = function (file, ...rest) {
  const fd = openSync.call(fs, file, ...rest);
  if (isWatched(file)) track(fd, file, rest[0]);
  return fd;
};
fs.open = function (file, ...rest) {
  const cb = rest.pop();
  return open.call(fs, file, ...rest, (err, fd) => {
    if (!err && isWatched(file)) track(fd, file, rest[0]);
    cb(err, fd);
  });
};
fs.closeSync = function (fd) {
  watched.delete(fd);
  return closeSync.call(fs, fd);
};
fs.close = function (fd, ...rest) {
  watched.delete(fd);
  return close.call(fs, fd, ...rest);
};
fs.writeSync = function (fd, data, ...rest) {
  if (!watched.has(fd)) return writeSync.call(fs, fd, data, ...rest);
  const buf = typeof data === 'string' ? Buffer.from(data, rest[1] ?? 'utf8') : data;
  const offset = typeof data === 'string' ? 0 : (rest[0] ?? 0);
  const length = typeof data === 'string' ? buf.length : (rest[1] ?? buf.length - offset);
  const n = allow(fd, length);
  if (n === 0) throw enospc();
  return writeSync.call(fs, fd, buf, offset, n);
};
fs.write = function (fd, data, ...rest) {
  const cb = rest.pop();
  if (!watched.has(fd)) return write.call(fs, fd, data, ...rest, cb);
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  const offset = typeof data === 'string' ? 0 : (rest[0] ?? 0);
  const length = typeof data === 'string' ? buf.length : (rest[1] ?? buf.length - offset);
  const n = allow(fd, length);
  if (n === 0) return process.nextTick(() => cb(enospc()));
  return write.call(fs, fd, buf, offset, n, null, cb);
};
fs.writev = function (fd, buffers, ...rest) {
  const cb = rest.pop();
  if (!watched.has(fd)) return writev.call(fs, fd, buffers, ...rest, cb);
  return fs.write(fd, Buffer.concat(buffers), (err, n) => cb(err, n, buffers));
};
