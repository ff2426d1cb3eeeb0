// `npm start` builds only what changed since the last build: the server (nest build, which empties
// dist/) when a TypeScript source, a tsconfig, nest-cli.json or the installed packages changed;
// the portal (vite) when apps/web changed or the server build emptied dist/. A fresh clone has no
// dist/ and builds everything. The commands are those of `npm run build`.
//
// Each build leaves a stamp dated when it started, so a file saved during a build is older than
// nothing it should be and is built next time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const SKIP = new Set(['node_modules', 'dist', '.data', 'test-output', 'coverage']);

const targets = [
  {
    name: 'server',
    output: 'dist/apps/api/src/main.js',
    stamp: 'dist/.build-stamp',
    inputs: [
      'apps/api',
      'apps/cli',
      'apps/worker',
      'libs',
      'migrations',
      'scripts',
      'tsconfig.json',
      'tsconfig.build.json',
      'nest-cli.json',
      'package-lock.json',
    ],
    command: [join(BIN, 'nest'), 'build', 'api'],
  },
  {
    name: 'portal',
    output: 'dist/web/index.html',
    stamp: 'dist/web/.build-stamp',
    inputs: ['apps/web', 'package-lock.json'],
    command: [join(BIN, 'vite'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
  },
];

/** The newest modification time under these paths (files and folders: a deleted file changes its folder). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    latest = Math.max(latest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const entry of readdirSync(path)) if (!SKIP.has(entry)) visit(join(path, entry));
  };
  for (const path of paths) visit(join(ROOT, path));
  return latest;
}

function isStale({ output, stamp, inputs }) {
  if (!existsSync(join(ROOT, output))) return true;
  const built = statSync(join(ROOT, stamp), { throwIfNoEntry: false });
  return !built || newest(inputs) >= built.mtimeMs;
}

let rebuilt = false;
for (const target of targets) {
  // The server build empties dist/, the portal's output with it.
  if (!rebuilt && !isStale(target)) continue;
  const started = new Date();
  process.stdout.write(`Building the ${target.name} (it changed since the last build)...\n`);
  const [command, ...args] = target.command;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const stamp = join(ROOT, target.stamp);
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
  rebuilt = true;
}
