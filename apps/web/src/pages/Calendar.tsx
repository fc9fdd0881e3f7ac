import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Field } from '../components/Field';
import { errorMessage, fieldErrors } from '../lib/errors';
import { formatDay, parseDay } from '../lib/format';

type CalendarYear = components['schemas']['CalendarYear'];
type Days = 'holidays' | 'workingWeekends';

const LABELS: Record<Days, string> = { holidays: 'Ngày nghỉ', workingWeekends: 'Ngày làm bù' };
const HINTS: Record<Days, string> = {
  holidays: 'Các ngày từ thứ Hai đến thứ Sáu không làm việc (lễ, Tết, nghỉ bù); mỗi dòng một ngày dd/mm/yyyy.',
  workingWeekends: 'Các ngày thứ Bảy, Chủ nhật vẫn làm việc; mỗi dòng một ngày dd/mm/yyyy.',
};

/** The working-day calendar every deadline counts in: a year's days off and weekend days worked. */
export function Calendar() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const valid = /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100;
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => unwrap(api.GET('/api/admin/calendar/{year}', { params: { path: { year: Number(year) } } })),
    enabled: valid,
  });
  return (
    <>
      <h1>Lịch làm việc</h1>
      <p>Hạn xử lý ở mỗi cấp được tính theo ngày làm việc của lịch này.</p>
      <Field id="calendar-year" label="Năm" error={valid ? undefined : 'Năm từ 2000 đến 2100.'}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />}
      </Field>
      {calendar.isPending && valid && <p>Đang tải…</p>}
      {calendar.isError && <p className="error-text">{errorMessage(calendar.error)}</p>}
      {calendar.data && valid && <YearForm key={`${year}-${calendar.dataUpdatedAt}`} calendar={calendar.data} />}
    </>
  );
}

function YearForm({ calendar }: { calendar: CalendarYear }) {
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const [text, setText] = useState<Record<Days, string>>({
    holidays: calendar.holidays.map(formatDay).join('\n'),
    workingWeekends: calendar.workingWeekends.map(formatDay).join('\n'),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const lines = (days: Days) =>
    text[days]
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    clear();
    // A line that is no date is named here; whether the day fits the year is the API's to say.
    const typos: Record<string, string> = {};
    for (const days of ['holidays', 'workingWeekends'] as const) {
      const bad = lines(days).filter((l) => !parseDay(l));
      if (bad.length) typos[days] = `Không phải ngày dạng dd/mm/yyyy: ${bad.join(', ')}.`;
    }
    if (Object.keys(typos).length) return refuse(form, typos, 'Có ngày viết chưa đúng, vui lòng sửa các ô được đánh dấu.');
    setBusy(true);
    try {
      const body = { holidays: lines('holidays').map((l) => parseDay(l)!), workingWeekends: lines('workingWeekends').map((l) => parseDay(l)!) };
      const saved = await unwrap(api.PUT('/api/admin/calendar/{year}', { params: { path: { year: calendar.year } }, body }));
      queryClient.setQueryData(['calendar', String(calendar.year)], saved);
      success(`Đã lưu lịch làm việc năm ${calendar.year}.`);
    } catch (error) {
      const { byField, rest } = fieldErrors(error, { holidays: ['holidays'], workingWeekends: ['workingWeekends'] });
      refuse(form, byField, [errorMessage(error), ...rest].join(' '));
    } finally {
      setBusy(false);
    }
  };
  const refuse = (form: HTMLFormElement, byField: Record<string, string>, message: string) => {
    setErrors(byField);
    failure(message);
    const first = (['holidays', 'workingWeekends'] as const).find((f) => byField[f]);
    if (first) form.querySelector<HTMLElement>(`#${first}`)?.focus();
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>
        {calendar.source === 'loaded'
          ? `Lịch năm ${calendar.year} đã được điều chỉnh.`
          : `Lịch năm ${calendar.year} đang tính theo các ngày nghỉ lễ, Tết của Bộ luật Lao động; lưu để điều chỉnh.`}
      </p>
      {(['holidays', 'workingWeekends'] as const).map((days) => (
        <Field key={days} id={days} label={LABELS[days]} hint={HINTS[days]} error={errors[days]}>
          {(props) => <textarea {...props} rows={8} value={text[days]} onChange={(e) => setText({ ...text, [days]: e.target.value })} />}
        </Field>
      ))}
      <p>
        <button type="submit" disabled={busy}>
          Lưu lịch
        </button>
      </p>
    </form>
  );
}
