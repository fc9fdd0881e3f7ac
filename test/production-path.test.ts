import { Client, Connection } from '@temporalio/client';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { payloadDataConverterFrom } from '../libs/codec/data-converter';
import { findFreePort } from '../libs/devtools/free-port';
import { createDatabase, databaseUrl, dropDatabase } from '../libs/devtools/migrate';
import { spawnService, type ServiceProcess } from '../libs/devtools/service-process';
import { resolveTemporalCli } from '../libs/devtools/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';
import { DEMO_AWARD_HISTORY } from '../prisma/demo-award-history';
import { PROJECT_ROOT } from './setup/paths';
import { hostPathOf, loadCompose, serviceEnvironment, type ComposeService } from './support/compose';
import { APPROVERS_U1 } from './support/harness';
import { signInAtProvider, startOidcProvider } from './support/oidc-sign-in';
import { TEST_PAYLOAD_KEYS } from './support/payload-keys';
import { startMotoServer, type MotoServer } from '../libs/devtools/moto-server';
import { uploadRequiredDocuments } from '../libs/devtools/sample-documents';

// The operator's .env; the identity provider's variables are added once it listens.
const OPERATOR_ENV = {
  PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  METRICS_TOKEN: `metrics-${randomUUID()}`,
  KEYCLOAK_ADMIN_PASSWORD: `keycloak-${randomUUID()}`,
};
// The web app's client at the identity provider, and the API's audience and scope there.
const CLIENT_ID = 'tdkt-web';
const AUDIENCE = 'urn:tdkt:api';
const API_SCOPE = 'tdkt';
const server = process.env.TEST_DATABASE_URL;
const { services } = loadCompose();

/**
 * The compose stack without Docker: the commands its services run, with their environment as Compose gives it,
 * against a separately started Temporal server (no search attributes of its own: the registration job adds
 * them), a fresh database on this machine's PostgreSQL, and a real OpenID Connect provider (oidc-provider,
 * standing in for the Keycloak of the file as the organisation's own provider would, through the variables
 * .env sets). Only the addresses differ from the containers'.
 */
(server ? describe : describe.skip)('the production path, as docker-compose.yml runs it', () => {
  const namespace = `prod-path-${Date.now()}`;
  const database = `tdkt_prodpath_${Date.now()}_${process.pid}`;
  const started: ServiceProcess[] = [];
  const log: string[] = [];
  let temporal: TemporalDevServer;
  let cliDir: string;
  let addresses: Record<string, string>;
  let moto: MotoServer | undefined;
  let provider: ChildProcess | undefined;
  let identityProvider: Record<string, string>;
  let api: string;
  const tokens = new Map<string, string>();

  // The dev server takes no TLS: its variables unset, not blank, so that the Temporal CLI reads none of its own; the
  // mTLS wiring and its certificates are checked by test/compose-wiring.test.ts.
  const withoutTls = (env: Record<string, string | undefined>) => Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('TEMPORAL_TLS')));
  const envFor = (service: ComposeService, extra: Record<string, string> = {}) =>
    withoutTls({
      PATH: `${cliDir}${delimiter}${process.env.PATH}`,
      HOME: process.env.HOME,
      ...serviceEnvironment(service, { ...OPERATOR_ENV, ...identityProvider, TEMPORAL_NAMESPACE: namespace }),
      ...addresses,
      ...extra,
    });
  // A path inside a bind mount (the admin-tools jobs' /scripts, the organisation file) is read where it is mounted from.
  const argv = (service: ComposeService) => [...(service.entrypoint ?? []), ...service.command!].map((arg) => hostPathOf(service, arg, {}) ?? arg);
  const node = (args: string[]) => (args[0] === 'node' ? [process.execPath, ...args.slice(1)] : args);

  async function runJob(name: string, extra: Record<string, string> = {}): Promise<void> {
    const [command, ...args] = node(argv(services[name]!));
    const job = spawnService(command!, args, { cwd: PROJECT_ROOT, env: envFor(services[name]!, extra), log: (line) => log.push(`[${name}] ${line}`) });
    const { code } = await job.exited;
    if (code !== 0) throw new Error(`${name} exited with ${code}:\n${job.outputTail()}`);
  }

  function startService(name: string, extra: Record<string, string>): void {
    const [command, ...args] = node(services[name]!.command!);
    started.push(spawnService(command!, args, { cwd: PROJECT_ROOT, env: envFor(services[name]!, extra), log: (line) => log.push(`[${name}] ${line}`) }));
  }

  const jobLog = (name: string) => log.filter((line) => line.startsWith(`[${name}] `)).map((line) => line.slice(name.length + 3));

  /** Runs the service's compose healthcheck (`CMD …`) until it passes, as Docker does before a dependant starts. */
  async function healthy(name: string, extra: Record<string, string>): Promise<void> {
    const [kind, ...test] = services[name]!.healthcheck!.test;
    expect(kind).toBe('CMD');
    const [command, ...args] = node(test);
    const deadline = Date.now() + 40_000;
    for (;;) {
      const probe = spawnSync(command!, args, { cwd: PROJECT_ROOT, env: envFor(services[name]!, extra), encoding: 'utf8' });
      if (probe.status === 0) return;
      if (Date.now() > deadline) throw new Error(`${name} not healthy: ${probe.stderr}\n${log.slice(-30).join('\n')}`);
      await new Promise((wait) => setTimeout(wait, 500));
    }
  }

  /** The user's access token for the API, from signing in at the provider as the web app does (once per user). */
  const sign = async (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(
        username,
        await signInAtProvider(identityProvider.AUTH_JWT_ISSUER!, { clientId: CLIENT_ID, redirectUri: `${api}/`, scope: `openid ${API_SCOPE}` }, username),
      );
    }
    return tokens.get(username)!;
  };
  const call = async (username: string, method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${await sign(username)}`, 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    // The image's build step: dist/ with the workflow bundle.
    const build = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    const cli = await resolveTemporalCli(PROJECT_ROOT, () => undefined);
    if (cli.kind !== 'path') throw new Error('the admin-tools jobs need the Temporal CLI (TEMPORAL_CLI_PATH)');
    cliDir = mkdtempSync(join(tmpdir(), 'tdkt-cli-'));
    symlinkSync(cli.path, join(cliDir, 'temporal'));
    [temporal, moto] = await Promise.all([
      startTemporalDevServer({ projectRoot: PROJECT_ROOT, headless: true, dynamicConfig: { 'matching.longPollExpirationInterval': '5s' } }),
      // Standing in for SeaweedFS, the compose file's object store.
      startMotoServer(PROJECT_ROOT),
      createDatabase(server!, database),
    ]);
    const [apiPort, metricsPort, providerPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
    api = `http://127.0.0.1:${apiPort}`;
    provider = await startOidcProvider({ port: providerPort, clientId: CLIENT_ID, redirectUri: `${api}/`, audience: AUDIENCE, apiScope: API_SCOPE });
    const issuer = `http://127.0.0.1:${providerPort}`;
    // The organisation's own provider, as its .env names it (docker-compose.yml's header): its `sub` is the username.
    identityProvider = {
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_OIDC_CLIENT_ID: CLIENT_ID,
      AUTH_USERNAME_CLAIM: 'sub',
    };
    addresses = {
      DATABASE_URL: databaseUrl(server!, database),
      TEMPORAL_ADDRESS: temporal.address,
      WORKER_METRICS_PORT: String(metricsPort),
      PORT: String(apiPort),
      S3_ENDPOINT: moto.endpoint,
    };
  }, 240_000);

  afterAll(async () => {
    for (const service of started.reverse()) await service.stop();
    await temporal?.stop();
    await moto?.stop();
    provider?.kill();
    await dropDatabase(server!, database);
    if (cliDir) rmSync(cliDir, { recursive: true, force: true });
  });

  it('migrates, imports the organisation, registers the namespace and search attributes, starts worker and API healthy, and takes a nomination through the four levels, each user signed in at the provider', async () => {
    // The database is new: the import job loads the mounted organisation file (the example's) into it.
    await Promise.all([runJob('migrate').then(() => runJob('org-import')), runJob('temporal-namespace').then(() => runJob('temporal-search-attributes'))]);
    const example = JSON.parse(readFileSync(join(PROJECT_ROOT, 'deploy', 'organisation.example.json'), 'utf8')) as { orgs: unknown[]; users: unknown[] };
    expect(jobLog('org-import')).toEqual([expect.stringMatching(`^imported ${example.orgs.length} organisations and ${example.users.length} users from `)]);

    startService('worker', {});
    await healthy('worker', {});
    // Started from the bundle `npm run build` wrote: a worker bundling workflows/ itself logs that it did.
    expect(existsSync(join(PROJECT_ROOT, 'dist', 'workflow-bundle.js'))).toBe(true);
    expect(existsSync(join(PROJECT_ROOT, 'dist', 'workflow-bundle.traced.js'))).toBe(true);
    expect(log.filter((line) => line.startsWith('[worker]') && line.includes('Workflow bundle created'))).toEqual([]);
    startService('api', {});
    await healthy('api', {});

    for (const path of ['/api/health', '/api/health/ready']) {
      const health = await fetch(`${api}${path}`);
      expect([path, health.status, await health.json()]).toEqual([path, 200, { status: 'ok', database: 'up', temporal: 'up', worker: 'up' }]);
    }
    const live = await fetch(`${api}/api/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);

    // A user of the imported organisation, signed in at the provider, is who the API says; one the organisation
    // does not know is refused, whatever the provider says.
    expect((await call('u1.head', 'GET', '/api/auth/me')).body).toMatchObject({ username: 'u1.head', role: 'REVIEWER', orgCode: 'U1' });
    expect((await call('u1.head', 'GET', '/api/inbox')).status).toBe(200);
    expect((await call('stranger', 'GET', '/api/auth/me')).status).toBe(401);

    // The Sở's award archive, brought in by its admin as a CSV: what makes the nominee below eligible.
    const archive = [
      'fullName,unitCode,awardCode,year,decisionRef',
      ...DEMO_AWARD_HISTORY.map((e) => [e.fullName, e.unitCode, e.awardCode, e.year, e.decisionRef].join(',')),
    ];
    const imported = await call('admin', 'POST', '/api/admin/award-history/import', archive.join('\n'), 'text/csv');
    expect([imported.status, imported.body]).toEqual([200, { imported: DEMO_AWARD_HISTORY.length }]);

    const documents = await uploadRequiredDocuments(api, await sign('u1.clerk'), 'BANG_KHEN_UBND_TP');
    const created = await call('u1.clerk', 'POST', '/api/nominations', {
      documents,
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép', 'Bản đồ cụm công nghiệp'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const [reviewer, level] of APPROVERS_U1) {
      const decided = await call(reviewer, 'POST', `/api/nominations/${id}/decisions`, { requestId: randomUUID(), level, decision: 'APPROVE' });
      expect([level, decided.status]).toEqual([level, 200]);
    }
    expect((await call('u1.clerk', 'GET', `/api/nominations/${id}`)).body).toMatchObject({ status: 'APPROVED', currentLevel: null });

    const client = new Client({
      connection: await Connection.connect({ address: temporal.address }),
      namespace,
      dataConverter: payloadDataConverterFrom(OPERATOR_ENV.PAYLOAD_KEYS),
    });
    try {
      const description = await client.workflow.getHandle(created.body.workflowId as string).describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.searchAttributes).toMatchObject({ NominationStatus: ['APPROVED'], AwardCode: ['BANG_KHEN_UBND_TP'] });
      const registered = await client.connection.operatorService.listSearchAttributes({ namespace });
      expect(Object.keys(registered.customAttributes ?? {})).toEqual(expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTE_TYPES)));
    } finally {
      await client.connection.close();
    }

    const metrics = await fetch(`${api}/api/metrics`, { headers: { authorization: `Bearer ${OPERATOR_ENV.METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    // The worker's SDK metrics, scraped where they are (Prometheus's second job).
    const workerMetrics = await fetch(`http://127.0.0.1:${addresses.WORKER_METRICS_PORT}/metrics`);
    expect(workerMetrics.status).toBe(200);
    // Every series the Grafana dashboard (deploy/grafana) plots is one these two scrapes expose.
    const exposed = `${await metrics.text()}\n${await workerMetrics.text()}`;
    const dashboard = JSON.parse(readFileSync(join(PROJECT_ROOT, 'deploy', 'grafana', 'tdkt-dashboard.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const plotted = [...new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\b(?:tdkt|temporal)_[a-z_]+\b/g) ?? [])))];
    expect(plotted.length).toBeGreaterThan(8);
    const isExposed = (name: string) =>
      exposed.includes(`\n${name}{`) || exposed.includes(`\n${name} `) || exposed.includes(`# HELP ${name.replace(/_(bucket|count|sum)$/, '')} `);
    expect(plotted.filter((name) => !isExposed(name))).toEqual([]);

    // The next `docker compose up` runs the job again: the organisation is the admins' by now, and stays as it is.
    await runJob('org-import');
    expect(jobLog('org-import').at(-1)).toMatch(/^the database already holds an organisation/);
  }, 180_000);
});
