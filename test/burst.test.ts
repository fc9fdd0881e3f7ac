import { Harness } from './support/harness';

const REQUESTS = 900;
const AT_ONCE = 50;

describe('a burst within the limits', () => {
  let sut: Harness;
  beforeAll(async () => {
    // Harness.start's limit is high enough for the burst; the pool as small as the default.
    sut = await Harness.start();
  });
  afterAll(() => sut.close());

  it(`${REQUESTS} requests from one user, ${AT_ONCE} at a time, wait their turn for a database connection: no 5xx`, async () => {
    await sut.submit('u1.clerk');
    const statuses = new Map<number, number>();
    let next = 0;
    const client = async () => {
      while (next < REQUESTS) {
        next++;
        const { status } = await sut.get('u1.clerk', '/api/nominations?pageSize=50');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: AT_ONCE }, client));
    process.stderr.write(`burst: ${JSON.stringify([...statuses])} in ${Date.now() - started} ms\n`);

    expect([...statuses]).toEqual([[200, REQUESTS]]);
  });
});
