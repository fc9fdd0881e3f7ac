import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Field } from '../components/Field';
import { Pager } from '../components/Pager';
import { errorMessage } from '../lib/errors';
import { AUDIT_ACTION_NAMES, formatDateTime, nameOf } from '../lib/format';
import { Link } from '../lib/router';
import { useDisplayName } from '../session';

type AuditPage = components['schemas']['AuditPage'];
type AuditEvent = AuditPage['items'][number];
type Verification = components['schemas']['AuditVerification'];

const PAGE_SIZE = 50;
const NO_FILTER = { subject: '', actor: '', action: '', from: '', to: '' };

/** Every change, newest first, hash-chained: an admin reads who did what and checks that no one altered the record. */
export function AuditTrail() {
  const [typed, setTyped] = useState(NO_FILTER);
  const [filter, setFilter] = useState(NO_FILTER);
  const [page, setPage] = useState(1);
  const displayName = useDisplayName();
  const events = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => {
      const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ''));
      return unwrap(api.GET('/api/admin/audit', { params: { query: { ...query, page: page, pageSize: PAGE_SIZE } } }));
    },
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilter({ ...typed, subject: typed.subject.trim(), actor: typed.actor.trim() });
  };
  const field = (name: keyof typeof NO_FILTER) => ({
    value: typed[name],
    onChange: (e: { target: { value: string } }) => setTyped({ ...typed, [name]: e.target.value }),
  });

  return (
    <>
      <h1>Nhật ký kiểm toán</h1>
      <p>Mọi thay đổi do người dùng thực hiện, mới nhất trước. Các sự kiện nối thành chuỗi băm: sửa, xóa hay chèn một dòng đều làm đứt chuỗi.</p>
      <ChainCheck />
      <form onSubmit={search} className="stack" aria-label="Lọc nhật ký">
        <Field id="audit-subject" label="Đối tượng" hint="Ví dụ nomination:<mã hồ sơ>, hold:<mã>, calendar:2026">
          {(props) => <input {...props} {...field('subject')} autoComplete="off" />}
        </Field>
        <Field id="audit-actor" label="Người thực hiện" hint="Tên đăng nhập, ví dụ u1.head">
          {(props) => <input {...props} {...field('actor')} autoComplete="off" />}
        </Field>
        <Field id="audit-action" label="Hành động">
          {(props) => (
            <select {...props} {...field('action')}>
              <option value="">— Tất cả —</option>
              {Object.entries(AUDIT_ACTION_NAMES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-from" label="Từ ngày">
          {(props) => <input {...props} type="date" {...field('from')} />}
        </Field>
        <Field id="audit-to" label="Đến ngày">
          {(props) => <input {...props} type="date" {...field('to')} />}
        </Field>
        <p>
          <button type="submit" className="secondary">
            Lọc
          </button>
        </p>
      </form>
      {events.isError && <p className="error-text">{errorMessage(events.error)}</p>}
      {events.data && events.data.items.length === 0 && <p>Không có sự kiện nào.</p>}
      {events.data && events.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption>Sự kiện ({events.data.total})</caption>
              <thead>
                <tr>
                  <th scope="col">Số</th>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Người thực hiện</th>
                  <th scope="col">Hành động</th>
                  <th scope="col">Đối tượng</th>
                  <th scope="col">Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.seq}>
                    <th scope="row">{e.seq}</th>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.actor ? displayName(e.actor) : 'Hệ thống'}</td>
                    <td>{nameOf(AUDIT_ACTION_NAMES, e.action)}</td>
                    <td>
                      <Subject subject={e.subject} />
                    </td>
                    <td>
                      <Details event={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}

function ChainCheck() {
  const { success, failure, clear } = useAnnounce();
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    clear();
    setBusy(true);
    try {
      const verified = await unwrap(api.GET('/api/admin/audit/verify'));
      setResult(verified);
      if (verified.ok) success(`Chuỗi nhật ký nguyên vẹn: ${verified.events} sự kiện.`);
      else failure(brokenText(verified));
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="chain-title" className="panel">
      <h2 id="chain-title">Tính toàn vẹn</h2>
      <p>
        <button type="button" onClick={() => void check()} disabled={busy}>
          Kiểm tra chuỗi
        </button>
      </p>
      {result && <p>{result.ok ? `Đã kiểm tra ${result.events} sự kiện: chuỗi nguyên vẹn.` : brokenText(result)}</p>}
    </section>
  );
}

function brokenText({ events, firstBroken }: Verification): string {
  if (!firstBroken) return `Chuỗi nhật ký không nguyên vẹn (${events} sự kiện).`;
  const when = firstBroken.at ? `, lúc ${formatDateTime(firstBroken.at)}` : ' (các sự kiện cuối chuỗi đã bị xóa)';
  return `Chuỗi nhật ký đã bị thay đổi: đứt từ sự kiện số ${firstBroken.seq}${when}; ${events} sự kiện được lưu.`;
}

function Subject({ subject }: { subject: string }) {
  const nomination = /^nomination:(.+)$/.exec(subject);
  if (nomination) return <Link to={`/ho-so/${nomination[1]}`}>{subject}</Link>;
  return <span className="prose">{subject}</span>;
}

function Details({ event }: { event: AuditEvent }) {
  const text = JSON.stringify(event.details, null, 2);
  return (
    <details>
      <summary>Xem</summary>
      <pre className="prose">{text}</pre>
      <p>Mã băm: {event.hash}</p>
    </details>
  );
}
