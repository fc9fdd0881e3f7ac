import type { ExecutionContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { defer, firstValueFrom, of } from 'rxjs';
import type { AppConfig } from '../../../libs/config/config';
import { CommandDeadlineInterceptor, withinDeadline } from './command-deadline';

describe('Temporal deadlines of the API', () => {
  // Lazy: nothing is dialled, the tests only read the deadline the calls would carry.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const client = new Client({ connection });
  const deadlineInScope = () => {
    const deadline = connection.callContextStorage.getStore()?.deadline;
    return deadline === undefined ? undefined : new Date(deadline).getTime();
  };
  afterAll(() => connection.close());

  it('puts a deadline the given time from now in scope of the calls', async () => {
    const before = Date.now();
    const deadline = await withinDeadline(client, 2000, async () => deadlineInScope());

    expect(deadline).toBeGreaterThanOrEqual(before + 2000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 2000);
  });

  it('never extends a nearer deadline already in scope', async () => {
    const outer = Date.now() + 1000;
    const inner = await client.withDeadline(outer, () => withinDeadline(client, 60_000, async () => deadlineInScope()));

    expect(inner).toBe(outer);
  });

  it('shortens a farther one', async () => {
    const before = Date.now();
    const inner = await client.withDeadline(before + 60_000, () => withinDeadline(client, 1000, async () => deadlineInScope()));

    expect(inner).toBeLessThan(before + 60_000);
    expect(inner).toBeGreaterThanOrEqual(before + 1000);
  });

  it('runs every request handler under COMMAND_TIMEOUT', async () => {
    const sut = new CommandDeadlineInterceptor({ COMMAND_TIMEOUT: 3000 } as AppConfig, client);
    const before = Date.now();

    const deadline = await firstValueFrom(sut.intercept({} as ExecutionContext, { handle: () => defer(() => of(deadlineInScope())) }));

    expect(deadline).toBeGreaterThanOrEqual(before + 3000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 3000);
  });
});
