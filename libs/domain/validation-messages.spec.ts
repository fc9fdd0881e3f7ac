import { z } from 'zod';
import { vietnameseIssues } from './validation-messages';

const messages = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value, { error: vietnameseIssues }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the validator’s messages in Vietnamese', () => {
  const schema = z.strictObject({
    fullName: z.string().min(2).max(300),
    note: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    initiatives: z.array(z.string()).max(2),
    rating: z.enum(['HTXS', 'HTT']),
    until: z.iso.date(),
    id: z.uuid(),
  });

  it('words lengths, ranges, counts, missing fields, kinds and formats', () => {
    expect(messages(schema, { fullName: 'A', note: '', year: 2101, initiatives: ['a', 'b', 'c'], rating: 'X', until: '2026-02-30', id: 'x' })).toEqual([
      'fullName: Cần ít nhất 2 ký tự.',
      'note: Không được để trống.',
      'year: Không được lớn hơn 2100.',
      'initiatives: Tối đa 2 mục.',
      'rating: Giá trị không hợp lệ.',
      'until: Cần một ngày dạng YYYY-MM-DD.',
      'id: Cần một mã UUID.',
    ]);
    expect(messages(schema, { fullName: 'x'.repeat(301), note: 'n', year: '2026', initiatives: [], rating: 'HTT', until: '2026-01-01' })).toEqual([
      'fullName: Tối đa 300 ký tự.',
      'year: Cần một số.',
      'id: Bắt buộc nhập.',
    ]);
    expect(messages(z.number().gt(0), 0)).toEqual([': Phải lớn hơn 0.']);
  });

  it('leaves a schema’s own message alone', () => {
    expect(messages(z.string().regex(/^\d{4}$/, 'năm phải gồm bốn chữ số'), '20x6')).toEqual([': năm phải gồm bốn chữ số']);
  });
});
