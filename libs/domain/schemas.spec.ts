import { decisionSchema, listNominationsQuerySchema, resubmitSchema, submitNominationSchema, withdrawSchema } from './schemas';

// The body of POST /api/nominations as API.md shows it, with its placeholders filled in.
const apiExample = {
  awardCode: 'BANG_KHEN_UBND_TP',
  year: 2026,
  unitCode: 'U1',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
  achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục, có hai sáng kiến được công nhận.',
  campaignId: 'c-2026',
  requestId: 'req-1',
};

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('submitNominationSchema', () => {
  it('accepts the example of API.md', () => {
    const result = submitNominationSchema.safeParse(apiExample);

    expect(result.success).toBe(true);
    expect(result.data).toEqual(apiExample);
  });

  it('accepts a collective with declarations', () => {
    const result = submitNominationSchema.safeParse({
      ...apiExample,
      awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
      nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch' },
      declarations: { rating: 'HTXS', initiatives: ['Sáng kiến số hoá hồ sơ'] },
    });

    expect(result.success).toBe(true);
  });

  it.each(['status', 'currentLevel', 'reviewer'])('refuses the unknown key %s, naming it', (key) => {
    const result = submitNominationSchema.safeParse({ ...apiExample, [key]: 'x' });

    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.code === 'unrecognized_keys');
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: [key], path: [] });
  });

  it('refuses an unknown key inside the nominee', () => {
    const result = submitNominationSchema.safeParse({ ...apiExample, nominee: { ...apiExample.nominee, birthYear: 1980 } });

    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['birthYear'], path: ['nominee'] })]);
  });

  it('refuses achievements shorter than 20 characters', () => {
    const result = submitNominationSchema.safeParse({ ...apiExample, achievements: 'Tốt' });

    expect(pathsOf(result)).toEqual(['achievements']);
  });

  it('counts the achievements without the surrounding spaces', () => {
    const result = submitNominationSchema.safeParse({ ...apiExample, achievements: `   ${'a'.repeat(19)}   ` });

    expect(pathsOf(result)).toEqual(['achievements']);
  });

  it('refuses a collective without a name', () => {
    const result = submitNominationSchema.safeParse({ ...apiExample, nominee: { kind: 'COLLECTIVE' } });

    expect(pathsOf(result)).toEqual(['nominee.name']);
  });

  it('refuses a collective given a fullName instead of a name', () => {
    const result = submitNominationSchema.safeParse({ ...apiExample, nominee: { kind: 'COLLECTIVE', fullName: 'Phòng Kế hoạch' } });

    expect(pathsOf(result)).toEqual(expect.arrayContaining(['nominee.name']));
    expect(result.success).toBe(false);
  });

  it('refuses an award the catalogue does not know', () => {
    expect(pathsOf(submitNominationSchema.safeParse({ ...apiExample, awardCode: 'HUAN_CHUONG_LAO_DONG' }))).toEqual(['awardCode']);
  });

  it('stores Vietnamese text in NFC whatever form the client sent', () => {
    const nfd = 'Nguyễn Thị Lan'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Lan'.normalize('NFC'));

    const result = submitNominationSchema.parse({
      ...apiExample,
      nominee: { kind: 'INDIVIDUAL', fullName: nfd },
      achievements: apiExample.achievements.normalize('NFD'),
    });

    expect(result.nominee.kind === 'INDIVIDUAL' && result.nominee.fullName).toBe('Nguyễn Thị Lan'.normalize('NFC'));
    expect(result.achievements).toBe(apiExample.achievements.normalize('NFC'));
    expect(result.nominee.kind === 'INDIVIDUAL' && result.nominee.fullName.startsWith('Nguy\u1EC5n')).toBe(true);
  });
});

describe('decisionSchema', () => {
  it('accepts a bare approval', () => {
    expect(decisionSchema.safeParse({ level: 'UNIT', decision: 'APPROVE' }).success).toBe(true);
  });

  it('accepts a rejection with a ground and a comment', () => {
    const result = decisionSchema.safeParse({ level: 'SO', decision: 'REJECT', ground: 'CRITERIA_NOT_MET', comment: 'Chưa đủ 2 sáng kiến' });

    expect(result.success).toBe(true);
  });

  it('requires a comment and a ground for a rejection, each on its own path', () => {
    const result = decisionSchema.safeParse({ level: 'UNIT', decision: 'REJECT' });

    expect(pathsOf(result).sort()).toEqual(['comment', 'ground']);
  });

  it('requires a ground for a rejection that has a comment', () => {
    expect(pathsOf(decisionSchema.safeParse({ level: 'UNIT', decision: 'REJECT', comment: 'Không đạt' }))).toEqual(['ground']);
  });

  it('requires a comment for a return, and no ground', () => {
    expect(pathsOf(decisionSchema.safeParse({ level: 'DEPARTMENT', decision: 'RETURN' }))).toEqual(['comment']);
    expect(decisionSchema.safeParse({ level: 'DEPARTMENT', decision: 'RETURN', comment: 'Bổ sung biên bản' }).success).toBe(true);
  });

  it('does not take a blank comment as a comment', () => {
    const paths = pathsOf(decisionSchema.safeParse({ level: 'UNIT', decision: 'RETURN', comment: '   ' }));

    // Both the length check and the RETURN rule may speak; either way only the comment is at fault.
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths)).toEqual(new Set(['comment']));
  });

  it.each(['APPROVE', 'RETURN'])('forbids a ground with %s', (decision) => {
    const result = decisionSchema.safeParse({ level: 'UNIT', decision, comment: 'c', ground: 'WRONG_SUBJECT' });

    expect(pathsOf(result)).toEqual(['ground']);
  });

  it('refuses an unknown ground and an unknown level', () => {
    const result = decisionSchema.safeParse({ level: 'WARD', decision: 'REJECT', comment: 'c', ground: 'BAD_MOOD' });

    expect(pathsOf(result)).toEqual(expect.arrayContaining(['level', 'ground']));
  });
});

describe('listNominationsQuerySchema', () => {
  it('turns the page numbers of a query string into numbers', () => {
    expect(listNominationsQuerySchema.parse({ page: '3', pageSize: '50', status: 'IN_REVIEW' })).toEqual({
      page: 3,
      pageSize: 50,
      status: 'IN_REVIEW',
    });
  });

  it('defaults to the first page of 20', () => {
    expect(listNominationsQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ pageSize: '201' }, 'pageSize'],
    [{ pageSize: '1.5' }, 'pageSize'],
    [{ level: 'WARD' }, 'level'],
  ])('refuses %j', (query, path) => {
    expect(pathsOf(listNominationsQuerySchema.safeParse(query))).toEqual([path]);
  });
});

describe('resubmit and withdraw bodies', () => {
  it('require what the unit supplemented, and why it withdraws', () => {
    expect(pathsOf(resubmitSchema.safeParse({}))).toEqual(['comment']);
    expect(pathsOf(withdrawSchema.safeParse({}))).toEqual(['reason']);
    expect(resubmitSchema.safeParse({ comment: 'Đã bổ sung biên bản', requestId: 'r' }).success).toBe(true);
  });
});
