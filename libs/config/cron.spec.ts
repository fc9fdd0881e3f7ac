import { cronSchema } from './cron';

describe('cronSchema', () => {
  it('accepts five fields with lists, ranges and steps, normalising the spacing', () => {
    expect(cronSchema.parse(' 0  8 2 1 * ')).toBe('0 8 2 1 *');
    expect(cronSchema.parse('*/15 8-17 1,15 1-12/3 1-5')).toBe('*/15 8-17 1,15 1-12/3 1-5');
  });

  it.each(['0 8 2 1', '0 8 2 1 * 2027', '0 8 2 JAN *', '@yearly', 'CRON_TZ=UTC 0 8 2 1 *'])('refuses %p', (line) => {
    expect(cronSchema.safeParse(line).success).toBe(false);
  });
});
