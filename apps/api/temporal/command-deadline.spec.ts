import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { defer, firstValueFrom, of } from 'rxjs';
import type { AppConfig } from '../../../libs/config/config';
import { CommandDeadlineInterceptor, OwnCommandDeadlines, withinDeadline } from './command-deadline';

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

  const handlerOf = (handler: () => void) => ({ getHandler: () => handler }) as unknown as ExecutionContext;

  it('runs every request handler under COMMAND_TIMEOUT', async () => {
    const sut = new CommandDeadlineInterceptor({ COMMAND_TIMEOUT: 3000 } as AppConfig, client, new Reflector());
    const before = Date.now();

    const deadline = await firstValueFrom(
      sut.intercept(
        handlerOf(() => undefined),
        { handle: () => defer(() => of(deadlineInScope())) },
      ),
    );

    expect(deadline).toBeGreaterThanOrEqual(before + 3000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 3000);
  });

  it('leaves a route that gives each command its own deadline without one for the whole request', async () => {
    class Batch {
      @OwnCommandDeadlines()
      handler() {}
    }
    const sut = new CommandDeadlineInterceptor({ COMMAND_TIMEOUT: 3000 } as AppConfig, client, new Reflector());

    const deadline = await firstValueFrom(sut.intercept(handlerOf(Batch.prototype.handler), { handle: () => defer(() => of(deadlineInScope())) }));

    expect(deadline).toBeUndefined();
  });
});
