import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /**
   * A file descriptor that takes stdout and stderr instead of a pipe to this process (`log` and the
   * output tail then see nothing): a child logging much never waits for a busy parent to read.
   */
  output?: number;
  /**
   * Own process group: a terminal's Ctrl-C then reaches only the parent, which can stop its
   * children in order. Off by default so that a killed test runner's children die with it.
   */
  detached?: boolean;
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Settles when the process has exited (or failed to spawn). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** The last lines of stdout and stderr, for error messages. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL if still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_LINES = 40;
const running = new Set<ChildProcess>();
// Last resort for children a parent forgot to stop; 'exit' handlers must be synchronous.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export function spawnService(command: string, args: string[], options: ServiceProcessOptions = {}): ServiceProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: options.detached ?? false,
    stdio: options.output === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', options.output, options.output],
  });
  running.add(child);
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.log?.(line);
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);

  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      done = true;
      running.delete(child);
      resolve({ code, signal });
    };
    child.once('exit', finish);
    child.once('error', (error) => {
      onLine(`${command}: ${error.message}`);
      if (child.pid === undefined) finish(null, null);
    });
  });

  return {
    child,
    exited,
    hasExited: () => done,
    outputTail: () => tail.join('\n'),
    async stop(graceMs = 10_000) {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
