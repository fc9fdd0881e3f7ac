import { findFreePort } from './free-port';
import { installPythonTool } from './python-tools';
import { spawnService } from './service-process';

/** moto's standalone server speaks the S3 API on localhost: a real S3-compatible server for tests. */
const MOTO = { pkg: 'moto[server]', version: '5.2.5', binary: 'moto_server' };

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Installs moto into the project's `.tools/venv` (once) and starts it on a free port. */
export async function startMotoServer(projectRoot: string, log: (line: string) => void = () => undefined): Promise<MotoServer> {
  const installed = await installPythonTool(projectRoot, MOTO, log);
  if ('error' in installed) throw new Error(`Could not install ${MOTO.pkg}: ${installed.error}`);
  const port = await findFreePort();
  const server = spawnService(installed.path, ['-H', '127.0.0.1', '-p', String(port)], { log });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.hasExited()) throw new Error(`moto_server exited:\n${server.outputTail()}`);
    if (
      await fetch(`${endpoint}/moto-api/`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`moto_server did not answer within 30 s:\n${server.outputTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { endpoint, stop: () => server.stop(2_000) };
}
