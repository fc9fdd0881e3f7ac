import { mapBounded } from './map-bounded';

describe('mapBounded', () => {
  it('keeps at most the limit in flight and answers in the order of the elements, however they finish', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 15, 2, 25, 3, 10, 4];

    const results = await mapBounded(delays, 3, async (delay, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight -= 1;
      return `${index}:${delay}`;
    });

    expect(most).toBe(3);
    expect(results).toEqual(delays.map((delay, index) => `${index}:${delay}`));
  });

  it('runs fewer lanes than the limit when there are fewer elements, and none for none', async () => {
    expect(await mapBounded([1, 2], 8, async (x) => x * 2)).toEqual([2, 4]);
    expect(await mapBounded([], 8, async (x: number) => x)).toEqual([]);
  });
});
