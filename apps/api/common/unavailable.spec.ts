import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { unavailablePart } from './unavailable';

function grpcError(code: number): Error {
  return Object.assign(new Error(`grpc ${code}`), { code, details: `grpc ${code}`, metadata: {} });
}

/** As the pg adapter hands Prisma's errors over: a code, and the driver's error in `meta`. */
function prismaError(code: string, driverCause?: object): Error {
  return Object.assign(new Error(`prisma ${code}`), {
    code,
    meta: driverCause ? { driverAdapterError: { name: 'DriverAdapterError', cause: driverCause } } : {},
  });
}

describe('unavailablePart', () => {
  it.each([
    ['a timed-out update', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpcError(4) })],
    ['DEADLINE_EXCEEDED wrapped by the client', new ServiceError('Workflow start failed', { cause: grpcError(4) })],
    ['UNAVAILABLE (nothing listening)', new ServiceError('Failed to connect', { cause: grpcError(14) })],
    ['CANCELLED by our own abort', grpcError(1)],
    ['RESOURCE_EXHAUSTED', grpcError(8)],
    ['UNKNOWN after the client ran out of retries', new ServiceError('Unexpected error while making gRPC request', { cause: grpcError(2) })],
    ['ABORTED', grpcError(10)],
  ])('names Temporal for %s', (_, error) => {
    expect(unavailablePart(error)).toBe('temporal');
  });

  it.each([
    ['P1001 (server unreachable)', prismaError('P1001', { kind: 'DatabaseNotReachable' })],
    ['P1008 (socket timeout)', prismaError('P1008')],
    ['P1017 (connection closed)', prismaError('P1017')],
    ['P2024 (no pool connection in time)', prismaError('P2024')],
    ['a statement timeout in a raw query (P2010, 57014)', prismaError('P2010', { kind: 'postgres', code: '57014' })],
    ['a statement timeout from a model query', Object.assign(new Error('driver'), { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57014' } })],
    ['the server shutting down (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01', severity: 'FATAL' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 })],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })],
    ['the pg pool giving up on a connection', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a connect timeout, wrapping the drop',
      new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') }),
    ],
    ['the client-side query timeout', new Error('Query read timeout')],
    ['an initialisation error', Object.assign(new Error("Can't reach database server"), { errorCode: 'P1001' })],
  ])('names the database for %s', (_, error) => {
    expect(unavailablePart(error)).toBe('database');
  });

  it.each([
    ['a unique violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    ['a missing record', prismaError('P2025')],
    ['gRPC NOT_FOUND', grpcError(5)],
    ['gRPC INVALID_ARGUMENT', grpcError(3)],
    ['gRPC INTERNAL', new ServiceError('Unexpected error while making gRPC request', { cause: grpcError(13) })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => {
    expect(unavailablePart(error)).toBeNull();
  });
});
