/** Maps every element with at most `limit` in flight, the results in the order of the elements. */
export async function mapBounded<T, R>(elements: readonly T[], limit: number, map: (element: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(elements.length);
  let next = 0;
  const lane = async () => {
    while (next < elements.length) {
      const index = next++;
      results[index] = await map(elements[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, elements.length) }, lane));
  return results;
}
