import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { hostPathOf, interpolate, interpolatedVariables, loadCompose, serviceEnvironment } from './support/compose';

// What an operator puts in .env: every variable the file demands with `:?`.
const OPERATOR_ENV = {
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  METRICS_TOKEN: 'a-metrics-token-of-at-least-32-characters',
  KEYCLOAK_ADMIN_PASSWORD: 'a-keycloak-admin-password',
};
const APP_SERVICES = ['api', 'worker', 'migrate', 'org-import'] as const;
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
      expect(() => Object.values(services).forEach((service) => serviceEnvironment(service, rest))).toThrow(name);
    }
    expect(
      interpolatedVariables().filter(
        // Those with a trial-run default in the file (passwords an operator should still set).
        (v) =>
          !(v in OPERATOR_ENV) &&
          !/^(POSTGRES_PASSWORD|TEMPORAL_DB_PASSWORD|KEYCLOAK_DB_PASSWORD|S3_ACCESS_KEY_ID|S3_SECRET_ACCESS_KEY|TEMPORAL_NAMESPACE|TEMPORAL_CODEC_.*|OTEL_.*|AUTH_.*|ORGANISATION_FILE)$/.test(
            v,
          ),
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
    // The admin tools (the schema tool above all) of the server's own release, 1.32 or later.
    const [, version] = services.temporal!.image!.split(':');
    expect(services['temporal-schema']!.image).toBe(`temporalio/admin-tools:${version}`);
    expect(version!.split('.').map(Number)).toEqual([1, expect.any(Number), expect.any(Number)]);
    expect(Number(version!.split('.')[1])).toBeGreaterThanOrEqual(32);
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
    // Without the colon, a variable set empty is kept empty.
    expect([interpolate('${X-d}', {}), interpolate('${X-d}', { X: '' }), interpolate('${X:-d}', { X: '' })]).toEqual(['d', '', 'd']);
  });

  it('imports the mounted organisation after the migrations and before the API starts, into a new installation only', () => {
    const job = services['org-import']!;
    const [node, script, ifEmpty, file] = job.command!;

    expect([node, script, ifEmpty]).toEqual(['node', 'dist/scripts/org-import.js', '--if-empty']);
    expect(job.image).toBe(services.migrate!.image);
    expect(job.restart).toBe('no');
    expect(job.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    expect(services.api!.depends_on).toMatchObject({ 'org-import': { condition: 'service_completed_successfully' } });
    expect(serviceEnvironment(job, OPERATOR_ENV).DATABASE_URL).toBe(serviceEnvironment(services.migrate!, OPERATOR_ENV).DATABASE_URL);
    // The example organisation unless .env names the organisation's own document, mounted read-only.
    expect(hostPathOf(job, file!, {})).toBe(join(PROJECT_ROOT, 'deploy', 'organisation.example.json'));
    expect(hostPathOf(job, file!, { ORGANISATION_FILE: '/srv/tdkt/organisation.json' })).toBe('/srv/tdkt/organisation.json');
    expect(job.volumes).toEqual([expect.stringMatching(new RegExp(`:${file}:ro$`))]);
  });

  describe('sign-in at the bundled Keycloak', () => {
    type RealmUser = {
      username: string;
      enabled: boolean;
      emailVerified: boolean;
      email: string;
      firstName: string;
      lastName: string;
      credentials: { type: string; value: string; temporary: boolean }[];
      realmRoles: string[];
      requiredActions: string[];
    };
    type Realm = {
      realm: string;
      roles: { realm: { name: string }[] };
      clients: {
        clientId: string;
        publicClient: boolean;
        standardFlowEnabled: boolean;
        implicitFlowEnabled: boolean;
        directAccessGrantsEnabled: boolean;
        redirectUris: string[];
        webOrigins: string[];
        attributes: Record<string, string>;
        protocolMappers: { protocolMapper: string; config: Record<string, string> }[];
      }[];
      users: RealmUser[];
    };
    type Organisation = { users: { username: string; email: string; role: string }[] };

    const keycloak = services.keycloak!;
    const importDir = hostPathOf(keycloak, '/opt/keycloak/data/import', {})!;
    const realmFiles = readdirSync(importDir).filter((name) => /^realm-.+\.json$/.test(name));
    const realm = JSON.parse(readFileSync(join(importDir, realmFiles[0]!), 'utf8')) as Realm;
    const organisation = JSON.parse(readFileSync(join(PROJECT_ROOT, 'deploy', 'organisation.example.json'), 'utf8')) as Organisation;
    const api = serviceEnvironment(services.api!, OPERATOR_ENV);
    const idp = serviceEnvironment(keycloak, OPERATOR_ENV);

    it('imports one realm at its start, and starts the API once it is ready', () => {
      expect(realmFiles).toEqual(['realm-tdkt.json']);
      expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
      expect(keycloak.command).toEqual(['start', '--import-realm']);
      expect(keycloak.healthcheck?.test.join(' ')).toContain('/health/ready');
      expect(idp.KC_HEALTH_ENABLED).toBe('true');
      expect(services.api!.depends_on).toMatchObject({ keycloak: { condition: 'service_healthy' } });
      expect(services[new URL(`postgresql://${idp.KC_DB_URL!.replace(/^jdbc:postgresql:\/\//, '')}`).hostname]?.healthcheck).toBeDefined();
    });

    it("wires the API to it: tokens of its realm's issuer, with this API's audience, checked against its published keys", () => {
      const config = loadConfig(api);

      expect(config.AUTH_JWT_ISSUER).toBe(`${idp.KC_HOSTNAME}/realms/${realm.realm}`);
      expect(config.AUTH_JWKS_URL).toBe(`http://keycloak:8080/realms/${realm.realm}/protocol/openid-connect/certs`);
      // Keycloak's `sub` is its own id; the organisation's usernames are its `preferred_username`.
      expect(config.AUTH_USERNAME_CLAIM).toBe('preferred_username');
      // No shared secret: the keys are the provider's.
      expect(config.AUTH_JWT_SECRET).toBeUndefined();
      // Browsers reach the issuer where Keycloak's port is published.
      expect(keycloak.ports).toContain(`${new URL(idp.KC_HOSTNAME!).port}:8080`);
    });

    it('lets an organisation use its own provider instead, with a shared secret if that is what it has', () => {
      const own = {
        ...OPERATOR_ENV,
        AUTH_JWT_ISSUER: 'https://sso.hanoi.gov.vn',
        AUTH_JWT_AUDIENCE: 'tdkt-api',
        AUTH_JWKS_URL: '',
        AUTH_JWT_SECRET: 'identity-provider-shared-secret',
      };
      const config = loadConfig(serviceEnvironment(services.api!, own));

      expect(config).toMatchObject({ AUTH_JWT_ISSUER: own.AUTH_JWT_ISSUER, AUTH_JWT_SECRET: own.AUTH_JWT_SECRET });
      expect(config.AUTH_JWKS_URL).toBeUndefined();
    });

    it("gives the web app a public client held to PKCE, returning to the API's address, whose tokens name the API as audience", () => {
      const client = realm.clients.find((c) => c.clientId === api.AUTH_OIDC_CLIENT_ID);
      const published = services.api!.ports!.map((port) => port.split(':').at(-2));

      expect(client).toMatchObject({ publicClient: true, standardFlowEnabled: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false });
      expect(client!.attributes['pkce.code.challenge.method']).toBe('S256');
      expect(client!.redirectUris).toEqual(published.map((port) => `http://localhost:${port}/*`));
      expect(client!.webOrigins).toEqual(published.map((port) => `http://localhost:${port}`));
      expect(client!.protocolMappers).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-audience-mapper',
          config: expect.objectContaining({ 'included.custom.audience': api.AUTH_JWT_AUDIENCE }),
        }),
      );
    });

    it("has exactly the example organisation's people, each with their role, able to sign in with the documented password", () => {
      const roleOf = (users: { username: string }[], role: (u: never) => string) => Object.fromEntries(users.map((u) => [u.username, role(u as never)]));

      expect(roleOf(realm.users, (u: RealmUser) => u.realmRoles.join(','))).toEqual(roleOf(organisation.users, (u: Organisation['users'][number]) => u.role));
      expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...new Set(organisation.users.map((u) => u.role))].sort());
      for (const user of realm.users) {
        const own = organisation.users.find((u) => u.username === user.username)!;
        expect(user).toMatchObject({ enabled: true, emailVerified: true, email: own.email, requiredActions: [] });
        expect(user.firstName.length * user.lastName.length).toBeGreaterThan(0);
        expect(user.credentials).toEqual([{ type: 'password', value: 'tdkt-dev-2026', temporary: false }]);
      }
    });
  });

  describe('the object store of the dossiers', () => {
    const store = services.seaweedfs!;
    const app = serviceEnvironment(services.api!, OPERATOR_ENV);

    it('is a maintained S3-compatible server, not MinIO, reached by API and worker once healthy', () => {
      expect(Object.values(services).filter((s) => s.image?.startsWith('minio/'))).toEqual([]);
      expect(store.image).toMatch(/^chrislusf\/seaweedfs:\d+\.\d+$/);
      const endpoint = new URL(app.S3_ENDPOINT!);
      expect(services[endpoint.hostname]).toBe(store);
      expect(store.command![0]).toContain(`-s3.port=${endpoint.port}`);
      expect(store.healthcheck?.test).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${endpoint.port}/healthz`]);
      expect(store.ports ?? []).toEqual([]);
      expect(store.volumes).toEqual(['documents:/data']);
      expect(store.command![0]).toContain('-dir=/data');
      for (const name of ['api', 'worker'] as const) expect(services[name]!.depends_on).toMatchObject({ seaweedfs: { condition: 'service_healthy' } });
    });

    it("knows the app's key pair as its one identity, written as valid JSON from the environment at its start", () => {
      const dir = mkdtempSync(join(tmpdir(), 'tdkt-seaweedfs-'));
      try {
        const config = join(dir, 's3.json');
        // `weed` stands in for the server: it prints the identities file it was given.
        writeFileSync(join(dir, 'weed'), '#!/bin/sh\nfor a; do case "$a" in -s3.config=*) cat "${a#-s3.config=}";; esac; done\n', { mode: 0o755 });
        const script = interpolate(store.command![0]!, {}).replaceAll('/tmp/s3.json', config);
        const env = { ...serviceEnvironment(store, { S3_SECRET_ACCESS_KEY: 'a-secret-of-the-operator' }), PATH: `${dir}:${process.env.PATH}` };
        const started = spawnSync('/bin/sh', ['-c', script], { env, encoding: 'utf8' });

        expect(started.stderr).toBe('');
        expect(JSON.parse(started.stdout)).toEqual({
          identities: [
            {
              name: 'tdkt',
              credentials: [{ accessKey: app.S3_ACCESS_KEY_ID, secretKey: 'a-secret-of-the-operator' }],
              actions: expect.arrayContaining(['Read', 'Write', 'List']),
            },
          ],
        });
        expect(serviceEnvironment(services.api!, { ...OPERATOR_ENV, S3_SECRET_ACCESS_KEY: 'a-secret-of-the-operator' }).S3_SECRET_ACCESS_KEY).toBe(
          'a-secret-of-the-operator',
        );
        expect(statSync(config).mode & 0o077).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
