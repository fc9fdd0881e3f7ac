import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { load } from 'js-yaml';
import { CONFIG_VARIABLES, loadConfig } from '../libs/config/config';
import { durationSchema } from '../libs/config/duration';
import { temporalConnectionOptions } from '../libs/config/temporal-connection';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';
import { PROJECT_ROOT } from './setup/paths';
import { interpolate, interpolatedVariables, loadCompose, serviceEnvironment } from './support/compose';

// What an operator puts in .env: every variable the file demands with `:?`.
const OPERATOR_ENV = {
  AUTH_JWT_SECRET: 'identity-provider-shared-secret',
  AUTH_JWT_ISSUER: 'https://sso.hanoi.gov.vn',
  AUTH_JWT_AUDIENCE: 'tdkt-api',
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  METRICS_TOKEN: 'a-metrics-token-of-at-least-32-characters',
};
const APP_SERVICES = ['api', 'worker', 'migrate'] as const;
// Read outside libs/config, each by the one module named (none now).
const READ_ELSEWHERE: string[] = [];

describe('docker-compose.yml, read as Compose reads it', () => {
  const compose = loadCompose();
  const { services } = compose;

  it.each(APP_SERVICES)('%s sets only variables the configuration knows, and enough for it to start', (name) => {
    const env = serviceEnvironment(services[name]!, OPERATOR_ENV);

    expect(Object.keys(env).filter((key) => !CONFIG_VARIABLES.includes(key) && !READ_ELSEWHERE.includes(key))).toEqual([]);
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('refuses to start without each secret the operator must give', () => {
    for (const name of Object.keys(OPERATOR_ENV)) {
      const { [name as keyof typeof OPERATOR_ENV]: _left, ...rest } = OPERATOR_ENV;
      expect(() => serviceEnvironment(services.api!, rest)).toThrow(name);
    }
    expect(
      interpolatedVariables().filter(
        // Those with a trial-run default in the file (passwords an operator should still set).
        (v) =>
          !(v in OPERATOR_ENV) &&
          !/^(POSTGRES_PASSWORD|TEMPORAL_DB_PASSWORD|MINIO_ROOT_USER|MINIO_ROOT_PASSWORD|TEMPORAL_NAMESPACE|TEMPORAL_CODEC_.*|OTEL_.*)$/.test(v),
      ),
    ).toEqual([]);
  });

  it('points API and worker at services that exist, and starts them only once those are ready', () => {
    const api = serviceEnvironment(services.api!, OPERATOR_ENV);
    const hostOf = (url: string) => new URL(url.includes('://') ? url : `tcp://${url}`).hostname;

    expect(services[hostOf(api.DATABASE_URL!)]?.healthcheck).toBeDefined();
    expect(services[hostOf(api.TEMPORAL_ADDRESS!)]?.healthcheck).toBeDefined();
    for (const name of ['api', 'worker'] as const) {
      expect(services[name]!.depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        'temporal-search-attributes': { condition: 'service_completed_successfully' },
      });
      expect(services[name]!.healthcheck?.test).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js', name]);
    }
    expect(services.api!.depends_on).toMatchObject({ worker: { condition: 'service_healthy' } });
    expect(services.migrate!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    // Every gate names a service, and a one-shot job is waited for by its completion, a server by its health.
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect([name, dependency, services[dependency] !== undefined]).toEqual([name, dependency, true]);
        const oneShot = services[dependency]!.restart === 'no' || services[dependency]!.restart?.startsWith('on-failure');
        expect([name, dependency, condition]).toEqual([name, dependency, oneShot ? 'service_completed_successfully' : 'service_healthy']);
        if (!oneShot) expect(services[dependency]!.healthcheck).toBeDefined();
      }
    }
  });

  it('builds Temporal from the server image, and registers the namespace and every search attribute the workflows set', () => {
    expect(services.temporal!.image).toMatch(/^temporalio\/server:/);
    expect(Object.values(services).some((s) => s.image?.startsWith('temporalio/auto-setup'))).toBe(false);
    for (const job of ['temporal-schema', 'temporal-namespace', 'temporal-search-attributes'])
      expect(services[job]!.image).toMatch(/^temporalio\/admin-tools:/);

    const registered = serviceEnvironment(services['temporal-search-attributes']!, OPERATOR_ENV)
      .SEARCH_ATTRIBUTES!.split(/\s+/)
      .map((pair) => pair.split('='));
    expect(Object.fromEntries(registered)).toEqual(SEARCH_ATTRIBUTE_TYPES);
    for (const job of ['temporal-namespace', 'temporal-search-attributes']) {
      const script = services[job]!.command![0]!.replace('/scripts/', 'deploy/temporal/');
      expect(statSync(join(PROJECT_ROOT, script)).mode & 0o111).not.toBe(0);
      expect(serviceEnvironment(services[job]!, OPERATOR_ENV).TEMPORAL_NAMESPACE).toBe(serviceEnvironment(services.worker!, OPERATOR_ENV).TEMPORAL_NAMESPACE);
    }
  });

  it('keeps the Temporal UI read-only, on this machine only, decoding through the API', () => {
    const ui = services['temporal-ui']!;
    const env = serviceEnvironment(ui, {});

    expect(env.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
    expect(env.TEMPORAL_CODEC_ENDPOINT).toBe('http://localhost:3000/api/temporal-codec/default');
    expect((ui as { ports: string[] }).ports.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);
  });

  it("stops the worker within its grace time, before Docker's stop timeout kills it", () => {
    const worker = loadConfig(serviceEnvironment(services.worker!, OPERATOR_ENV));

    expect(worker.WORKER_SHUTDOWN_GRACE_TIME).toBeLessThan(durationSchema.parse(services.worker!.stop_grace_period!));
    expect(services.worker!.command).toEqual(['node', '--max-old-space-size=512', 'dist/apps/worker/main.js']);
  });

  it('has Prometheus scrape the API with the metrics token and the worker where its metrics are', () => {
    const prometheus = load(readFileSync(join(PROJECT_ROOT, 'deploy', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; metrics_path: string; authorization?: { credentials_file: string }; static_configs: { targets: string[] }[] }[];
    };
    const jobs = Object.fromEntries(prometheus.scrape_configs.map((job) => [job.job_name, job]));
    const worker = serviceEnvironment(services.worker!, OPERATOR_ENV);
    const secrets = (services.prometheus as { secrets: { source: string; target: string }[] }).secrets;

    expect(jobs['tdkt-api']).toMatchObject({ metrics_path: '/api/metrics', static_configs: [{ targets: ['api:3000'] }] });
    expect(secrets).toContainEqual({ source: 'metrics-token', target: jobs['tdkt-api']!.authorization!.credentials_file });
    expect((compose as unknown as { secrets: Record<string, { environment: string }> }).secrets['metrics-token']).toEqual({ environment: 'METRICS_TOKEN' });
    expect(jobs['tdkt-worker']).toMatchObject({ metrics_path: '/metrics', static_configs: [{ targets: [`worker:${worker.WORKER_METRICS_PORT}`] }] });
  });

  describe("Temporal's mutual TLS", () => {
    let certs: string;
    const tlsMount = (name: string) => services[name]!.volumes?.find((v) => typeof v === 'object' && v.source === 'temporal-tls');
    // A path inside a container's /tls, where the certificates job wrote it on the host.
    const onHost = (name: string, path: string) => join(certs, (tlsMount(name) as { volume: { subpath: string } }).volume.subpath, relative('/tls', path));

    beforeAll(() => {
      certs = mkdtempSync(join(tmpdir(), 'tdkt-temporal-tls-'));
      const job = services['temporal-certs']!;
      const script = job.command![0]!.replace('/scripts/', 'deploy/temporal/');
      const made = spawnSync('sh', [join(PROJECT_ROOT, script)], {
        env: { ...process.env, ...serviceEnvironment(job, {}), CERTS_DIR: certs },
        encoding: 'utf8',
      });
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
    });

    afterAll(() => rmSync(certs, { recursive: true, force: true }));

    it('publishes no port of the Temporal server, which takes clients with a certificate of the CA only', () => {
      expect(services.temporal!.ports ?? []).toEqual([]);
      // Nor through another service: 7233 appears in no published mapping.
      expect(
        Object.values(services)
          .flatMap((s) => s.ports ?? [])
          .filter((port) => port.includes('7233')),
      ).toEqual([]);
      const temporal = serviceEnvironment(services.temporal!, {});
      expect(temporal).toMatchObject({ TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true', TEMPORAL_TLS_FRONTEND_SERVER_NAME: 'temporal' });
      expect(services.temporal!.depends_on).toMatchObject({ 'temporal-certs': { condition: 'service_completed_successfully' } });
      for (const path of [temporal.TEMPORAL_TLS_FRONTEND_CERT!, temporal.TEMPORAL_TLS_FRONTEND_KEY!, temporal.TEMPORAL_TLS_CLIENT1_CA_CERT!])
        expect(existsSync(onHost('temporal', path))).toBe(true);
    });

    it('gives each client its own certificate, mounted read-only alone, with the CA key out of reach', () => {
      const clients = ['api', 'worker', 'temporal-ui', 'temporal-namespace', 'temporal-search-attributes'];
      for (const name of [...clients, 'temporal']) {
        expect([name, tlsMount(name)]).toEqual([name, expect.objectContaining({ target: '/tls', read_only: true })]);
        expect((tlsMount(name) as { volume: { subpath: string } }).volume.subpath).not.toBe('ca');
      }
      expect(new Set(['api', 'worker'].map((name) => (tlsMount(name) as { volume: { subpath: string } }).volume.subpath)).size).toBe(2);
      expect(tlsMount('migrate')).toBeUndefined();
      expect(readdirSync(join(certs, 'ca'))).toContain('ca.key');
      for (const dir of readdirSync(certs).filter((d) => d !== 'ca')) expect(readdirSync(join(certs, dir)).sort()).toEqual(['ca.pem', 'tls.key', 'tls.pem']);
    });

    it.each(['api', 'worker'] as const)('%s connects with mTLS: the configuration reads its certificate, which the server side accepts', async (name) => {
      const env = serviceEnvironment(services[name]!, OPERATOR_ENV);
      const config = loadConfig(Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.startsWith('/tls/') ? onHost(name, value) : value])));
      const { tls } = temporalConnectionOptions(config);
      expect(tls).toMatchObject({ serverNameOverride: 'temporal', clientCertPair: { crt: expect.any(Buffer), key: expect.any(Buffer) } });
      if (typeof tls !== 'object') throw new Error('no TLS');

      const temporal = serviceEnvironment(services.temporal!, {});
      const server = createTlsServer(
        {
          cert: readFileSync(onHost('temporal', temporal.TEMPORAL_TLS_FRONTEND_CERT!)),
          key: readFileSync(onHost('temporal', temporal.TEMPORAL_TLS_FRONTEND_KEY!)),
          ca: readFileSync(onHost('temporal', temporal.TEMPORAL_TLS_CLIENT1_CA_CERT!)),
          requestCert: true,
          rejectUnauthorized: true,
        },
        (socket) => socket.end(`hello ${(socket.getPeerCertificate().subject as { CN: string }).CN}`),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const dial = (withCertificate: boolean) =>
        new Promise<string>((resolve, reject) => {
          const socket = tlsConnect({
            host: '127.0.0.1',
            port,
            servername: tls.serverNameOverride,
            ca: Buffer.from(tls.serverRootCACertificate!),
            ...(withCertificate && { cert: Buffer.from(tls.clientCertPair!.crt), key: Buffer.from(tls.clientCertPair!.key) }),
          });
          let text = '';
          socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
      try {
        expect(await dial(true)).toBe(`hello tdkt-${name}`);
        await expect(dial(false)).rejects.toThrow();
      } finally {
        server.close();
      }
    });
  });

  it('interpolates as Compose does', () => {
    expect(interpolate('a${X:-d}b$${Y}', {})).toBe('ad' + 'b${Y}');
    expect(() => interpolate('${X:?set X}', {})).toThrow('set X');
  });
});
