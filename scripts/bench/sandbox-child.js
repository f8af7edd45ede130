'use strict';
// The sandbox in its own process, so the client's CPU and memory are measured apart from the
// server's. Options arrive as JSON in argv[2] (argv[3], if given, is another checkout whose
// dist/ to run, for side-by-side comparisons); the URL goes back over IPC.
const path = require('node:path');
const root = process.argv[3] ? path.resolve(process.argv[3]) : path.resolve(__dirname, '..', '..');
const { startSandbox } = require(path.join(root, 'dist', 'src', 'sandbox'));

async function main() {
  const options = JSON.parse(process.argv[2]);
  const sandbox = await startSandbox(options);
  process.send({ url: sandbox.url, adminUrl: sandbox.adminUrl });
  process.on('message', async (msg) => {
    if (msg === 'stats') process.send({ stats: sandbox.stats() });
    if (msg === 'expire') process.send({ expired: sandbox.expireAllSessions() });
    if (msg === 'cpu') {
      const u = process.cpuUsage();
      process.send({ cpu: (u.user + u.system) / 1000 });
    }
    if (msg === 'stop') {
      await sandbox.stop();
      process.exit(0);
    }
  });
}

main().catch((err) => {
  console.error(`bench sandbox: ${err.message}`);
  process.exit(2);
});
