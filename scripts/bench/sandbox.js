'use strict';
// Starts scripts/bench/sandbox-child.js and speaks to it over IPC.
const { fork } = require('node:child_process');
const path = require('node:path');

const STARTUP_TIMEOUT_MS = 30_000;

function request(child, msg, key) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench sandbox did not answer '${msg}'`)), 10_000);
    const onMessage = (m) => {
      if (m && key in m) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m[key]);
      }
    };
    child.on('message', onMessage);
    child.send(msg);
  });
}

/**
 * Starts a sandbox child process; resolves to { url, stats(), cpuMs(), stop() }. `root` runs another
 * checkout's dist/ (default this one), `execArgv` passes node flags such as --cpu-prof.
 */
function startChildSandbox(options, { root, execArgv = [] } = {}) {
  const args = [JSON.stringify(options), ...(root ? [root] : [])];
  const child = fork(path.join(__dirname, 'sandbox-child.js'), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bench sandbox did not start in time'));
    }, STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`bench sandbox exited with ${code}`)));
    child.once('message', (m) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: m.url,
        stats: () => request(child, 'stats', 'stats'),
        /** Expires every session the sandbox holds; resolves to how many. */
        expireSessions: () => request(child, 'expire', 'expired'),
        /** CPU ms the sandbox process has used so far. */
        cpuMs: () => request(child, 'cpu', 'cpu'),
        stop: () =>
          new Promise((res) => {
            const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(kill);
              res();
            });
            child.send('stop');
          }),
      });
    });
  });
}

/** Runs fn(sandbox) against a fresh child sandbox, stopped afterwards whatever happens. */
async function withSandbox(options, fn) {
  const sandbox = await startChildSandbox(options);
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.stop();
  }
}

module.exports = { startChildSandbox, withSandbox };
