/** The calendar day in Hà Nội (UTC+7) of an instant, as YYYY-MM-DD: legal dates are local dates. */
export function hanoiDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
