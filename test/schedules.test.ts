import { campaignSchedules, syncSchedules } from '../libs/campaigns/schedules';
import { campaignWorkflowId } from '../libs/domain/campaign-messages';
import { hanoiDay } from '../libs/domain/hanoi-time';
import { Harness } from './support/harness';
import { until } from './support/until';

type ScheduleView = { id: string; spec: { timezone: string; calendars: Record<string, string>[] }; nextRuns: string[]; paused: boolean };

const REGULAR = 'tdkt-campaign-regular';
const THEMED = 'tdkt-campaign-themed';

describe('campaigns launch every year from Temporal schedules', () => {
  let sut: Harness;
  const year = Number(hanoiDay(new Date()).slice(0, 4));
  const code = `REGULAR-${year}`;

  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    for (const { scheduleId } of campaignSchedules(sut.config)) {
      await sut.temporal.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined);
    }
    await sut.close();
  });

  const schedules = async () => {
    const res = await sut.get('admin', '/api/admin/schedules');
    if (res.status !== 200) throw new Error(`schedules: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ScheduleView[];
  };
  const scheduleView = async (id: string) => (await schedules()).find((s) => s.id === id)!;
  const launchesOf = async (id: string) => (await sut.temporal.schedule.getHandle(id).describe()).info.recentActions.map((a) => a.action.workflow.workflowId);
  const campaignsWithCode = async () =>
    ((await sut.get('admin', '/api/campaigns')).body.items as { code: string; workflowId: string }[]).filter((c) => c.code === code);

  it('keeps exactly one schedule per id however often it is synced', async () => {
    expect((await syncSchedules(sut.temporal, sut.config)).map((o) => o.outcome)).toEqual(['created', 'created']);
    expect((await syncSchedules(sut.temporal, sut.config)).map((o) => o.outcome)).toEqual(['updated', 'updated']);
    const listed = async () => {
      const ids: string[] = [];
      for await (const s of sut.temporal.schedule.list()) if (s.scheduleId.startsWith('tdkt-')) ids.push(s.scheduleId);
      return ids.sort();
    };
    // The listing is eventually consistent: wait until it shows both, then count.
    const ids = await until(async () => ((await listed()).length >= 2 ? listed() : undefined), 'the schedules listed');
    expect(ids).toEqual([REGULAR, THEMED]);
  });

  it('shows the admins when each campaign launches next: January and March, in Hà Nội time', async () => {
    const views = await schedules();
    expect(views.map((v) => v.id)).toEqual([REGULAR, THEMED]);
    const [regular, themed] = views as [ScheduleView, ScheduleView];
    expect(regular.spec).toEqual({
      timezone: 'Asia/Ho_Chi_Minh',
      calendars: [expect.objectContaining({ minute: '0', hour: '8', dayOfMonth: '2', month: 'JANUARY', dayOfWeek: '*' })],
    });
    expect(themed.spec.calendars[0]).toMatchObject({ hour: '8', dayOfMonth: '1', month: 'MARCH' });
    for (const [view, monthDay] of [
      [regular, '01-02'],
      [themed, '03-01'],
    ] as const) {
      expect(view.paused).toBe(false);
      expect(view.nextRuns.length).toBeGreaterThan(0);
      for (const run of view.nextRuns) {
        expect(Date.parse(run)).toBeGreaterThan(Date.now());
        expect(hanoiDay(new Date(run)).slice(5)).toBe(monthDay);
        expect(new Date(run).getUTCHours()).toBe(1); // 08:00 in Hà Nội
      }
    }
  });

  it('pauses and resumes a schedule; a sync changes its spec but keeps the pause', async () => {
    const paused = await sut.post('admin', `/api/admin/schedules/${REGULAR}/pause`, { reason: 'Chờ kế hoạch năm mới' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ id: REGULAR, paused: true });
    await syncSchedules(sut.temporal, { ...sut.config, SCHEDULE_REGULAR: '30 9 3 1 *' });
    expect(await scheduleView(REGULAR)).toMatchObject({
      paused: true,
      spec: { calendars: [expect.objectContaining({ minute: '30', hour: '9', dayOfMonth: '3' })] },
    });
    await syncSchedules(sut.temporal, sut.config);
    expect(await scheduleView(REGULAR)).toMatchObject({
      paused: true,
      spec: { calendars: [expect.objectContaining({ minute: '0', hour: '8', dayOfMonth: '2' })] },
    });
    expect((await sut.temporal.schedule.getHandle(REGULAR).describe()).state.note).toBe('Chờ kế hoạch năm mới');

    const resumed = await sut.post('admin', `/api/admin/schedules/${REGULAR}/resume`);
    expect(resumed.status).toBe(200);
    expect(await scheduleView(REGULAR)).toMatchObject({ paused: false });
  });

  it('launches the year’s regular campaign on a trigger, and only once when triggered twice', async () => {
    const triggered = await sut.post('admin', `/api/admin/schedules/${REGULAR}/trigger`);
    expect(triggered.status).toBe(200);
    expect(triggered.body).toMatchObject({ id: REGULAR, paused: false });

    const [first] = await until(async () => ((await launchesOf(REGULAR)).length === 1 ? launchesOf(REGULAR) : undefined), 'the first launch');
    expect(await sut.temporal.workflow.getHandle(first!).result()).toBe(code);
    const [campaign] = await until(async () => ((await campaignsWithCode()).length ? campaignsWithCode() : undefined), `campaign ${code}`);
    expect(campaign).toMatchObject({ code, workflowId: campaignWorkflowId(code) });
    const running = await sut.temporal.workflow.getHandle(campaignWorkflowId(code)).describe();
    expect(running.type).toBe('campaignWorkflow');

    // A schedule names each launch by the second it was taken: the second launch must not share it.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await sut.post('admin', `/api/admin/schedules/${REGULAR}/trigger`)).status).toBe(200);
    const launches = await until(async () => ((await launchesOf(REGULAR)).length === 2 ? launchesOf(REGULAR) : undefined), 'the second launch');
    expect(await sut.temporal.workflow.getHandle(launches[1]!).result()).toBe(code);
    expect(await campaignsWithCode()).toHaveLength(1);
    expect(await sut.prisma.campaign.count({ where: { code } })).toBe(1);
    expect((await sut.temporal.workflow.getHandle(campaignWorkflowId(code)).describe()).runId).toBe(running.runId);
  });

  it('is for admins only, and knows only its own schedules', async () => {
    expect((await sut.get('u1.clerk', '/api/admin/schedules')).status).toBe(403);
    expect((await sut.post('so.council', `/api/admin/schedules/${REGULAR}/trigger`)).status).toBe(403);
    expect((await sut.post('u1.head', `/api/admin/schedules/${THEMED}/pause`, { reason: 'không' })).status).toBe(403);
    const unknown = await sut.post('admin', '/api/admin/schedules/tdkt-no-such/pause');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await sut.post('admin', '/api/admin/schedules/someone-elses/trigger')).status).toBe(404);
    expect(await scheduleView(THEMED)).toMatchObject({ paused: false });
  });
});
