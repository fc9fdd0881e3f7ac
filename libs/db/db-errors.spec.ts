import { isTransientDbError } from './db-errors';
import { Prisma } from './generated/client';

const known = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: '6.19.3', meta });

describe('isTransientDbError', () => {
  it.each([
    ['the server unreachable', known('P1001')],
    ['a pool timeout', known('P2024')],
    ['an interactive transaction that timed out', known('P2028')],
    ['a serialisation conflict', known('P2034')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a statement timeout', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['an admin shutdown reported by the driver adapter', known('P2010', { driverAdapterError: { cause: { originalCode: '57P01' } } })],
  ])('retries %s', (_what, error) => {
    expect(isTransientDbError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', known('P2002')],
    ['a value too long', known('P2000')],
    ['a NUL byte PostgreSQL refuses', Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })],
    ['a trigger raising an exception', Object.assign(new Error('refused by a trigger'), { code: 'P0001' })],
    ['a missing row', known('P2025')],
    ['a plain programming error', new TypeError('x is undefined')],
  ])('does not retry %s', (_what, error) => {
    expect(isTransientDbError(error)).toBe(false);
  });
});
