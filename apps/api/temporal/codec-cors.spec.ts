import { codecOrigins } from './codec-cors';

describe('codecOrigins', () => {
  it('is the Temporal UI origin alone outside dev mode', () => {
    expect([...codecOrigins({ TEMPORAL_UI_URL: 'https://temporal.congthuong.hanoi.gov.vn/ui/', AUTH_MODE: 'jwt' })]).toEqual([
      'https://temporal.congthuong.hanoi.gov.vn',
    ]);
    expect([...codecOrigins({ TEMPORAL_UI_URL: 'http://localhost:8233', AUTH_MODE: 'jwt' })]).toEqual(['http://localhost:8233']);
  });

  it('lets in both loopback spellings of the dev server UI in dev mode', () => {
    expect([...codecOrigins({ TEMPORAL_UI_URL: 'http://localhost:8233', AUTH_MODE: 'dev' })].sort()).toEqual([
      'http://127.0.0.1:8233',
      'http://localhost:8233',
    ]);
  });
});
