import fc from 'fast-check';
import { z } from 'zod';
import { calendarOverridesSchema, calendarYearParamsSchema, workingDaysQuerySchema } from '../calendar/calendar.schemas';
import {
  adminDeadlineSchema,
  adminReasonSchema,
  adminReassignSchema,
  awardHistoryQuerySchema,
  bulkDeadlineSchema,
  holdSchema,
  scheduleNoteSchema,
  stuckFilterSchema,
} from './admin-schemas';
import { createCampaignSchema } from './campaign-schemas';
import {
  adminCommandSchema,
  closeVoteCommandSchema,
  decideCommandSchema,
  reassignCommandSchema,
  resubmitCommandSchema,
  setDeadlineCommandSchema,
  withdrawCommandSchema,
} from './nomination-commands';
import {
  closeVoteSchema,
  decisionSchema,
  delegationSchema,
  devTokenSchema,
  listNominationsQuerySchema,
  resubmitSchema,
  submitNominationSchema,
  voteSchema,
  withdrawSchema,
} from './schemas';

const requestId = 'click-0b1f3c2e-9a4d-4f5e-8c7b-6a5d4c3b2a10';
const reason = 'Đơn vị đề nghị điều chỉnh hạn xử lý.';
const dueAt = '2026-12-01T10:00:00+07:00';
const filter = { level: 'UNIT', unitCode: 'U1', awardCode: 'CSTD_CO_SO', campaignId: 'REGULAR-2026' };
const declarations = {
  rating: 'HTXS',
  initiatives: ['Số hóa quy trình cấp phép'],
  research: ['Đề tài cụm công nghiệp'],
  members: { total: 10, completedTasks: 10, laoDongTienTien: 8, chienSiThiDuaCoSo: 1 },
  leadsEmulationCluster: true,
};

/**
 * Every input schema of the API and of the workflow's updates, each with a valid example that fills
 * every optional field, so that every string an input can carry is probed.
 */
const INPUTS: [string, z.ZodType, Record<string, unknown>][] = [
  [
    'submit, an individual',
    submitNominationSchema,
    {
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      unitCode: 'U1',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục.',
      declarations,
      campaignId: '0b1f3c2e-9a4d-4f5e-8c7b-6a5d4c3b2a10',
      requestId,
    },
  ],
  [
    'submit, a collective',
    submitNominationSchema,
    {
      awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
      year: 2026,
      nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch' },
      achievements: 'Tập thể hoàn thành xuất sắc nhiệm vụ.',
    },
  ],
  ['decision', decisionSchema, { level: 'UNIT', decision: 'REJECT', comment: 'Không đạt tiêu chuẩn', ground: 'CRITERIA_NOT_MET', requestId }],
  ['resubmit', resubmitSchema, { achievements: 'Bổ sung thành tích năm 2025 đầy đủ.', comment: 'Đã bổ sung', requestId }],
  ['withdraw', withdrawSchema, { reason: 'Đơn vị rút hồ sơ', requestId }],
  [
    'list query',
    listNominationsQuerySchema,
    { status: 'IN_REVIEW', level: 'UNIT', unitCode: 'U1', awardCode: 'CSTD_CO_SO', campaignId: 'REGULAR-2026', page: '2', pageSize: '50' },
  ],
  ['dev token', devTokenSchema, { username: 'u1.clerk' }],
  ['vote', voteSchema, { vote: 'FOR', requestId }],
  ['close vote', closeVoteSchema, { requestId }],
  ['delegation', delegationSchema, { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: '2026-03-02', to: '2026-03-06' }],
  ['stuck filter', stuckFilterSchema, { ...filter, minOverdueDays: '1.5' }],
  ['admin reason', adminReasonSchema, { reason, requestId }],
  ['admin deadline', adminDeadlineSchema, { dueAt, reason, requestId }],
  ['admin reassign', adminReassignSchema, { level: 'UNIT', reviewer: 'u1.head', reason, requestId }],
  ['bulk deadline', bulkDeadlineSchema, { filter: { ...filter, minOverdueDays: 2 }, dueAt, reason }],
  ['hold', holdSchema, { fullName: 'Trần Văn Hùng', unitCode: 'U1', reason: 'Đang bị xem xét kỷ luật', until: '2030-01-01' }],
  ['award history query', awardHistoryQuerySchema, { fullName: 'Nguyễn Thị Lan', unitCode: 'U1', page: '1', pageSize: '100' }],
  ['schedule note', scheduleNoteSchema, { reason: 'Tạm dừng trong đợt kiểm tra' }],
  [
    'campaign',
    createCampaignSchema,
    {
      code: 'REGULAR-2026',
      name: 'Phong trào thi đua năm 2026',
      year: 2026,
      kind: 'REGULAR',
      awardCodes: ['CSTD_CO_SO'],
      opensAt: '2026-01-02T08:00:00+07:00',
      closesAt: '2026-12-15T17:00:00+07:00',
      decisionDeadline: '2027-02-01T17:00:00+07:00',
      levelDeadlines: { UNIT: '5wd' },
    },
  ],
  ['calendar overrides', calendarOverridesSchema(2026), { holidays: ['2026-01-02'], workingWeekends: ['2026-01-10'] }],
  ['calendar year', calendarYearParamsSchema, { year: '2026' }],
  ['working days query', workingDaysQuerySchema, { from: '2026-01-05', days: '3' }],
  [
    'decide command',
    decideCommandSchema,
    {
      level: 'UNIT',
      decision: 'RETURN',
      comment: 'Bổ sung hồ sơ',
      requestId,
      reviewer: 'dept-a.deputy',
      onBehalfOf: 'dept-a.reviewer',
      documents: [{ id: '0b8f3c52-6d1e-4c4a-9d8e-2f1a7b6c5d4e', sha256: 'a'.repeat(64) }],
    },
  ],
  ['resubmit command', resubmitCommandSchema, { requestId, actor: 'u1.clerk', comment: 'Đã bổ sung', achievements: 'Bổ sung thành tích năm 2025 đầy đủ.' }],
  ['withdraw command', withdrawCommandSchema, { requestId, actor: 'u1.clerk', reason: 'Đơn vị rút hồ sơ' }],
  ['close vote command', closeVoteCommandSchema, { level: 'SO', requestId, actor: 'so.council' }],
  ['admin command', adminCommandSchema, { requestId, actor: 'admin', reason }],
  ['set deadline command', setDeadlineCommandSchema, { requestId, actor: 'admin', reason, dueAt }],
  ['reassign command', reassignCommandSchema, { requestId, actor: 'admin', reason, level: 'UNIT', reviewer: 'u1.head' }],
];

type Path = (string | number)[];

function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function replaced(value: unknown, path: Path, leaf: (s: string) => string): unknown {
  if (path.length === 0) return leaf(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, leaf);
  return copy;
}

const REFUSED = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => !'\t\n\r'.includes(c)),
  '\u007F',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
];

describe.each(INPUTS)('%s', (_name, schema, example) => {
  it('accepts its example', () => {
    expect(schema.safeParse(example).error?.issues).toBeUndefined();
  });

  it.each(stringLeaves(example).map((p) => [p.join('.'), p] as const))(
    'refuses a control character or an unpaired surrogate anywhere in %s, naming it',
    (name, path) => {
      fc.assert(
        fc.property(fc.constantFrom(...REFUSED), fc.nat(), (bad, at) => {
          const input = replaced(example, path, (s) => `${s.slice(0, at % (s.length + 1))}${bad}${s.slice(at % (s.length + 1))}`);
          const result = schema.safeParse(input);
          expect(result.success).toBe(false);
          expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(name);
        }),
        { numRuns: 30 },
      );
    },
  );
});

/** Every string node of a JSON Schema, wherever it sits (properties, items, unions, records). */
function stringNodes(node: unknown, where = '#'): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const own: [string, Record<string, unknown>][] = (node as { type?: unknown }).type === 'string' ? [[where, node as Record<string, unknown>]] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => stringNodes(v, `${where}/${k}`))];
}

describe('every string of every input has a declared bound', () => {
  it.each(INPUTS.map(([name, schema]) => [name, schema] as const))('%s', (_name, schema) => {
    const unbounded = stringNodes(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))
      .filter(([, n]) => n.maxLength === undefined && n.enum === undefined && n.const === undefined && n.format === undefined)
      .map(([where]) => where);
    expect(unbounded).toEqual([]);
  });
});

describe('free text is stored in NFC', () => {
  const decomposed = 'Nguyễn Thị Lan, hoàn thành xuất sắc nhiệm vụ'.normalize('NFD');
  it.each([
    ['nominee.fullName', submitNominationSchema, INPUTS[0]![2]],
    ['achievements', submitNominationSchema, INPUTS[0]![2]],
    ['declarations.initiatives.0', submitNominationSchema, INPUTS[0]![2]],
    ['comment', decisionSchema, INPUTS[2]![2]],
    ['reason', withdrawSchema, INPUTS[4]![2]],
    ['reason', adminReasonSchema, INPUTS[11]![2]],
    ['name', createCampaignSchema, INPUTS[18]![2]],
    ['fullName', holdSchema, INPUTS[15]![2]],
  ] as const)('%s', (name, schema, example) => {
    const path = name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const parsed = schema.parse(replaced(example, path, () => ` ${decomposed} `));
    expect(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], parsed)).toBe(decomposed.normalize('NFC').trim());
  });
});
