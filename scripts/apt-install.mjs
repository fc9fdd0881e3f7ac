// Installs a Debian package with apt-get for a test that needs a system tool (a fresh CI machine):
// non-interactive, as root or through sudo, updating the package lists only when the first try fails.
import { spawnSync } from 'node:child_process';

function aptGet(args) {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  // apt-get's own output goes to stderr: stdout carries only what the caller reads.
  const result = spawnSync(command, argv, { stdio: ['ignore', process.stderr, 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

export function aptInstall(pkg) {
  const install = ['install', '-y', '--no-install-recommends', pkg];
  // A fresh image has no package lists yet; only then is the update worth its time.
  return aptGet(install) || (aptGet(['update']) && aptGet(install));
}
