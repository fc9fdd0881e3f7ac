import { decisionSchema, listNominationsQuerySchema, submitNominationSchema } from '../../../libs/domain/schemas';
import { ApiError } from './api-error';
import { ZodPipe } from './zod.pipe';

const validBody = {
  awardCode: 'LAO_DONG_TIEN_TIEN',
  year: 2026,
  nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Minh' },
  achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm 2026.',
};

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the pipe accepted the value');
}

describe('ZodPipe', () => {
  describe('with the submission schema', () => {
    const sut = new ZodPipe(submitNominationSchema);

    it('returns the parsed value, normalised', () => {
      const result = sut.transform({ ...validBody, nominee: { kind: 'INDIVIDUAL', fullName: '  Trần Văn Minh '.normalize('NFD') } });

      expect(result.nominee).toEqual({ kind: 'INDIVIDUAL', fullName: 'Trần Văn Minh'.normalize('NFC') });
    });

    it('fails with VALIDATION_FAILED, 400, and the path of each issue', () => {
      const error = thrown(() => sut.transform({ ...validBody, year: 1800, achievements: 'ngắn' }));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.status).toBe(400);
      expect(error.details.map((d) => d.path).sort()).toEqual(['achievements', 'year']);
      for (const detail of error.details) expect(detail.message).not.toBe('');
    });

    it('names a nested field by its dotted path', () => {
      const error = thrown(() => sut.transform({ ...validBody, nominee: { kind: 'COLLECTIVE' } }));

      expect(error.details).toEqual([expect.objectContaining({ path: 'nominee.name' })]);
    });

    it('names an unknown key by the key itself', () => {
      const error = thrown(() => sut.transform({ ...validBody, status: 'APPROVED' }));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([expect.objectContaining({ path: 'status' })]);
    });

    it('names an unknown nested key with its parent', () => {
      const error = thrown(() => sut.transform({ ...validBody, nominee: { ...validBody.nominee, reviewer: 'me' } }));

      expect(error.details).toEqual([expect.objectContaining({ path: 'nominee.reviewer' })]);
    });

    // Two unknown keys must not read as one nested path ("status.currentLevel" names no field).
    it('names each of several unknown keys by itself', () => {
      const error = thrown(() => sut.transform({ ...validBody, status: 'APPROVED', currentLevel: 'CITY' }));

      const paths = error.details.map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['status', 'currentLevel']));
      expect(paths).not.toContain('status.currentLevel');
    });

    it('treats a missing body as empty rather than crashing', () => {
      const error = thrown(() => sut.transform(undefined));

      expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['awardCode', 'year', 'nominee', 'achievements']));
    });
  });

  it('reports the refinements of the decision schema on their paths', () => {
    const sut = new ZodPipe(decisionSchema);

    const error = thrown(() => sut.transform({ level: 'UNIT', decision: 'REJECT' }));

    expect(error.status).toBe(400);
    expect(error.details.map((d) => d.path).sort()).toEqual(['comment', 'ground']);
  });

  it('passes a query through the coercions of its schema', () => {
    const sut = new ZodPipe(listNominationsQuerySchema);

    expect(sut.transform({ page: '2' })).toEqual({ page: 2, pageSize: 20 });
    expect(sut.transform(undefined)).toEqual({ page: 1, pageSize: 20 });
  });
});
