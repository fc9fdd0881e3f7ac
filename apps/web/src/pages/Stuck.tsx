import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { LIVE_INTERVAL_MS, newRequestId } from '../api/queries';
import type { Level, StuckItem } from '../api/models';
import { useAnnounce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { errorMessage, fieldErrors } from '../lib/errors';
import { LEVEL_NAMES, STUCK_KIND_NAMES, endOfHanoiDay, formatDateTime, hanoiDay, nameOf } from '../lib/format';
import { Link } from '../lib/router';
import { useDevUsers, useDisplayName } from '../session';

const REASSIGN_FIELDS = { 'reassign-to': ['reviewer'], 'reassign-reason': ['reason'] };

/** An item about a nomination: the actions act on it (an email of no nomination has none). */
type StuckNomination = StuckItem & { nominationId: string };
const aboutNomination = (item: StuckItem): item is StuckNomination => item.nominationId !== null;

type Action = { kind: 'deadline' | 'reassign'; item: StuckNomination } | null;

export function Stuck() {
  const stuck = useQuery({
    queryKey: ['stuck'],
    queryFn: () => unwrap(api.GET('/api/admin/stuck', { params: { query: {} } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const displayName = useDisplayName();
  const { success, failure } = useAnnounce();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const [busy, setBusy] = useState(false);

  const nudge = async (item: StuckNomination) => {
    try {
      await unwrap(
        api.POST('/api/admin/nominations/{id}/nudge', {
          params: { path: { id: item.nominationId } },
          body: { reason: 'Nhắc xử lý hồ sơ bị chậm', requestId: newRequestId() },
        }),
      );
      success(`Đã nhắc ${item.waitingOn.map(displayName).join(', ') || 'người xử lý'}.`);
    } catch (error) {
      failure(errorMessage(error));
    }
  };
  const done = async (text: string) => {
    setAction(null);
    success(text);
    await queryClient.invalidateQueries({ queryKey: ['stuck'] });
  };

  const items = stuck.data?.items ?? [];
  return (
    <>
      <h1>Hồ sơ bị chậm</h1>
      {stuck.isPending && <p>Đang tải…</p>}
      {stuck.isError && <p className="error-text">{errorMessage(stuck.error)}</p>}
      {stuck.data && items.length === 0 && <p>Không có hồ sơ nào bị chậm.</p>}
      <ul className="cards">
        {items.map((item) => (
          <li key={`${item.nominationId}-${item.kind}`} className="card">
            <h2>
              {aboutNomination(item) ? (
                <Link to={`/ho-so/${item.nominationId}`}>{nameOf(STUCK_KIND_NAMES, item.kind)}</Link>
              ) : (
                nameOf(STUCK_KIND_NAMES, item.kind)
              )}
            </h2>
            <p>{item.reason}</p>
            <dl className="facts">
              {item.unitName && (
                <>
                  <dt>Đơn vị</dt>
                  <dd>{item.unitName}</dd>
                </>
              )}
              <dt>Chờ</dt>
              <dd>{item.waitingOn.length ? item.waitingOn.map(displayName).join(', ') : '—'}</dd>
              <dt>Từ</dt>
              <dd>{formatDateTime(item.since)}</dd>
            </dl>
            {aboutNomination(item) && (
              <div className="actions">
                <a href={item.temporalUiUrl ?? undefined} target="_blank" rel="noreferrer">
                  Mở trong Temporal
                </a>
                <button type="button" className="secondary" onClick={() => void nudge(item)}>
                  Nhắc
                </button>
                <button type="button" className="secondary" onClick={() => setAction({ kind: 'deadline', item })}>
                  Gia hạn
                </button>
                <button type="button" className="secondary" onClick={() => setAction({ kind: 'reassign', item })}>
                  Giao cho người khác
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {action?.kind === 'deadline' && <ExtendDialog item={action.item} busy={busy} setBusy={setBusy} onClose={() => setAction(null)} onDone={done} />}
      {action?.kind === 'reassign' && <ReassignDialog item={action.item} busy={busy} setBusy={setBusy} onClose={() => setAction(null)} onDone={done} />}
    </>
  );
}

interface ActionProps {
  item: StuckNomination;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onClose: () => void;
  onDone: (text: string) => Promise<void>;
}

function ExtendDialog({ item, busy, setBusy, onClose, onDone }: ActionProps) {
  const { failure, clear } = useAnnounce();
  const [day, setDay] = useState(() => hanoiDay(new Date(Date.now() + 7 * 86_400_000).toISOString()));
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    if (!event.currentTarget.reportValidity()) return;
    clear();
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/admin/nominations/{id}/deadline', {
          params: { path: { id: item.nominationId } },
          body: { dueAt: endOfHanoiDay(day), reason, requestId: newRequestId() },
        }),
      );
      await onDone(`Đã gia hạn đến ${day.split('-').reverse().join('/')}.`);
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Gia hạn xử lý" open onClose={onClose} onSubmit={submit} busy={busy}>
      <p>
        <label htmlFor="new-due">Hạn mới</label>
        <input id="new-due" type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
      </p>
      <p>
        <label htmlFor="extend-reason">Lý do</label>
        <textarea id="extend-reason" value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />
      </p>
    </Dialog>
  );
}

function ReassignDialog({ item, busy, setBusy, onClose, onDone }: ActionProps) {
  const { failure, clear } = useAnnounce();
  const users = useDevUsers().data ?? [];
  const displayName = useDisplayName();
  const nomination = useQuery({
    queryKey: ['nomination', item.nominationId],
    queryFn: () => unwrap(api.GET('/api/nominations/{id}', { params: { path: { id: item.nominationId } } })),
  });
  const [reviewer, setReviewer] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const level = nomination.data?.currentLevel as Level | null | undefined;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    if (!form.reportValidity() || !level) return;
    // The refusal of a previous attempt must not read as this one's outcome.
    clear();
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/admin/nominations/{id}/reassign', {
          params: { path: { id: item.nominationId } },
          body: { level, reviewer: reviewer.trim(), reason, requestId: newRequestId() },
        }),
      );
      await onDone(`Đã giao cấp ${LEVEL_NAMES[level]} cho ${displayName(reviewer.trim())}.`);
    } catch (error) {
      const { byField, rest } = fieldErrors(error, REASSIGN_FIELDS);
      setErrors(byField);
      failure([errorMessage(error), ...rest].join(' '));
      const first = Object.keys(REASSIGN_FIELDS).find((f) => byField[f]);
      if (first) form.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Giao cho người khác (cấp ${nameOf(LEVEL_NAMES, level)})`} open onClose={onClose} onSubmit={submit} busy={busy || !level}>
      <Field id="reassign-to" label="Người xử lý mới" error={errors['reassign-to']}>
        {(props) => <input {...props} list="reassign-users" value={reviewer} onChange={(e) => setReviewer(e.target.value)} required autoComplete="off" />}
      </Field>
      <datalist id="reassign-users">
        {users
          .filter((u) => u.role === 'REVIEWER' || u.role === 'STAFF')
          .map((u) => (
            <option key={u.username} value={u.username}>
              {u.displayName}
            </option>
          ))}
      </datalist>
      <Field id="reassign-reason" label="Lý do" error={errors['reassign-reason']}>
        {(props) => <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />}
      </Field>
    </Dialog>
  );
}
