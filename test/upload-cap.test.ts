import { readdir } from 'node:fs/promises';
import { Harness } from './support/harness';

const CAP = 3;
const AT_ONCE = 10;
const CLERK = 'u3.clerk';

describe('the cap on uploads waiting to be attached', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ DOCUMENT_MAX_WAITING: String(CAP) });
    // Other files' uploads share the database: this clerk starts with none waiting.
    await sut.prisma.document.deleteMany({ where: { uploadedBy: CLERK, nominationId: null } });
  });
  afterAll(() => sut.close());

  it(`holds under concurrency: of ${AT_ONCE} uploads at once, exactly ${CAP} are accepted, the rest refused and not stored`, async () => {
    const responses = await Promise.all(Array.from({ length: AT_ONCE }, () => sut.upload(CLERK, 'TO_TRINH')));

    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(accepted).toHaveLength(CAP);
    for (const res of refused) {
      expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
        [{ path: 'file', message: expect.stringContaining(`${CAP}`) }],
      ]);
    }
    expect(await sut.prisma.document.count({ where: { uploadedBy: CLERK, nominationId: null } })).toBe(CAP);
    const stored = (await readdir(sut.config.DOCUMENT_STORE, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(stored).toHaveLength(CAP);
    // At the cap, one more is refused before its bytes are read.
    expect((await sut.upload(CLERK, 'TO_TRINH')).status).toBe(413);
  });
});
