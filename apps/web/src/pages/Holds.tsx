import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { useUnits } from '../api/queries';
import type { components } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { errorMessage, fieldErrors } from '../lib/errors';
import { formatDateTime, formatDay, hanoiDay } from '../lib/format';
import { useDisplayName } from '../session';

type Hold = components['schemas']['Hold'];

const HOLD_FIELDS = { 'hold-name': ['fullName'], 'hold-unit': ['unitCode'], 'hold-reason': ['reason'], 'hold-until': ['until'] };

/** Nominees under discipline or investigation: their submissions are refused and their nominations in review suspended. */
export function Holds() {
  const holds = useQuery({ queryKey: ['holds'], queryFn: () => unwrap(api.GET('/api/admin/holds')) });
  const units = useUnits().data ?? [];
  const displayName = useDisplayName();
  const { success, failure } = useAnnounce();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);

  const lift = async (hold: Hold) => {
    try {
      await unwrap(api.DELETE('/api/admin/holds/{id}', { params: { path: { id: hold.id } } }));
      await queryClient.invalidateQueries({ queryKey: ['holds'] });
      success(`Đã bỏ tạm hoãn cho ${hold.fullName}.`);
    } catch (error) {
      failure(errorMessage(error));
    }
  };

  const items = holds.data?.items ?? [];
  return (
    <>
      <h1>Tạm hoãn xét khen thưởng</h1>
      <p>Cá nhân đang bị xem xét kỷ luật, điều tra, thanh tra: hồ sơ mới cho họ bị từ chối, hồ sơ đang xét bị tạm dừng đến khi bỏ tạm hoãn hoặc hết hạn.</p>
      <p>
        <button type="button" onClick={() => setAdding(true)}>
          Thêm tạm hoãn
        </button>
      </p>
      {holds.isPending && <p>Đang tải…</p>}
      {holds.isError && <p className="error-text">{errorMessage(holds.error)}</p>}
      {holds.data && items.length === 0 && <p>Không có trường hợp nào đang tạm hoãn.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Các trường hợp đang tạm hoãn</caption>
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Lý do</th>
                <th scope="col">Đến hết ngày</th>
                <th scope="col">Người tạo</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {items.map((hold) => (
                <tr key={hold.id}>
                  <th scope="row">{hold.fullName}</th>
                  <td>{hold.unitName}</td>
                  <td className="prose">{hold.reason}</td>
                  <td>{formatDay(hold.until)}</td>
                  <td>
                    {displayName(hold.createdBy)}, {formatDateTime(hold.createdAt)}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void lift(hold)}>
                      Bỏ tạm hoãn
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && <AddHold units={units} onClose={() => setAdding(false)} />}
    </>
  );
}

function AddHold({ units, onClose }: { units: { code: string; name: string }[]; onClose: () => void }) {
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(() => hanoiDay(new Date(Date.now() + 90 * 86_400_000).toISOString()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chosenUnit = unitCode || units[0]?.code || '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    if (!form.reportValidity()) return;
    // The refusal of a previous attempt must not read as this one's outcome.
    clear();
    setBusy(true);
    try {
      await unwrap(api.POST('/api/admin/holds', { body: { fullName: fullName.trim(), unitCode: chosenUnit, reason, until } }));
      await queryClient.invalidateQueries({ queryKey: ['holds'] });
      onClose();
      success(`Đã tạm hoãn xét khen thưởng cho ${fullName.trim()}.`);
    } catch (error) {
      const { byField, rest } = fieldErrors(error, HOLD_FIELDS);
      setErrors(byField);
      failure([errorMessage(error), ...rest].join(' '));
      const first = Object.keys(HOLD_FIELDS).find((f) => byField[f]);
      if (first) form.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Thêm tạm hoãn" open onClose={onClose} onSubmit={submit} busy={busy}>
      <Field id="hold-name" label="Họ và tên" error={errors['hold-name']}>
        {(props) => <input {...props} value={fullName} onChange={(e) => setFullName(e.target.value)} required minLength={2} autoComplete="off" />}
      </Field>
      <Field id="hold-unit" label="Đơn vị" error={errors['hold-unit']}>
        {(props) => (
          <select {...props} value={chosenUnit} onChange={(e) => setUnitCode(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="hold-reason" label="Lý do" error={errors['hold-reason']}>
        {(props) => <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />}
      </Field>
      <Field id="hold-until" label="Đến hết ngày" error={errors['hold-until']}>
        {(props) => <input {...props} type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />}
      </Field>
    </Dialog>
  );
}
