import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../libs/devtools/free-port';
import { startTemporalDevServer, type TemporalDevServer } from '../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';
import { PROJECT_ROOT } from './setup/paths';
import { APPROVERS_U1, Harness } from './support/harness';

const approve = (sut: Harness, id: string, [reviewer, level]: (typeof APPROVERS_U1)[number]) =>
  sut.decide(reviewer, id, { level, decision: 'APPROVE', requestId: `${id}-${level}` });

async function expectFinishedOnce(sut: Harness, id: string): Promise<void> {
  const view = await sut.get('u1.clerk', `/api/nominations/${id}`);
  expect(view.body.status).toBe('APPROVED');
  expect(view.body.decisions.map((d: { level: string }) => d.level)).toEqual(['UNIT', 'DEPARTMENT', 'SO', 'CITY']);
  expect(await sut.prisma.decision.count({ where: { nominationId: id } })).toBe(4);
  expect(await sut.prisma.auditEvent.count({ where: { nominationId: id } })).toBe(5);
  expect(await sut.prisma.notification.count({ where: { nominationId: id } })).toBe(5);
}

describe('nothing accepted is lost when a worker or the Temporal server goes away', () => {
  it('the worker stops after the second approval; a decision waits; a new worker finishes the nomination', async () => {
    const sut = await Harness.start();
    try {
      const n = await sut.submit();
      expect((await approve(sut, n.id, APPROVERS_U1[0])).status).toBe(200);
      expect((await approve(sut, n.id, APPROVERS_U1[1])).status).toBe(200);

      await sut.stopWorker();
      // Sent while no worker runs: the update waits in Temporal until one polls again.
      const pending = approve(sut, n.id, APPROVERS_U1[2]);
      await new Promise((r) => setTimeout(r, 1500));
      await sut.startWorker();
      expect((await pending).status).toBe(200);

      // The reviewer, unsure, clicks again: the same request id changes nothing.
      expect((await approve(sut, n.id, APPROVERS_U1[2])).status).toBe(200);
      expect((await approve(sut, n.id, APPROVERS_U1[3])).status).toBe(200);
      await expectFinishedOnce(sut, n.id);
    } finally {
      await sut.close();
    }
  });

  describe('with a Temporal server of its own, kept in a file', () => {
    let dir: string;
    let port: number;
    let server: TemporalDevServer;
    const startServer = () =>
      startTemporalDevServer({
        projectRoot: PROJECT_ROOT,
        port,
        headless: true,
        dbFilename: join(dir, 'temporal.db'),
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tdkt-temporal-'));
      port = await findFreePort();
      server = await startServer();
    });
    afterAll(async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a nomination waiting at a level continues after the server restarts', async () => {
      const sut = await Harness.start({ TEMPORAL_ADDRESS: server.address });
      try {
        const n = await sut.submit();
        expect((await approve(sut, n.id, APPROVERS_U1[0])).status).toBe(200);
        await sut.waitForRow(n.id, (row) => row.version === 2);

        await sut.stopWorker();
        await server.stop();
        server = await startServer();
        await sut.startWorker();

        for (const step of APPROVERS_U1.slice(1)) {
          const res = await approve(sut, n.id, step);
          expect(res.status).toBe(200);
        }
        await expectFinishedOnce(sut, n.id);
        const described = await sut.temporal.workflow.getHandle(n.workflowId).describe();
        expect(described.status.name).toBe('COMPLETED');
      } finally {
        await sut.close();
      }
    });
  });
});
