import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, download, unwrap } from '../api/client';
import { newRequestId, useAwards } from '../api/queries';
import type { components, paths } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { errorMessage } from '../lib/errors';
import { formatDate, nomineeName } from '../lib/format';

type AwardDecision = components['schemas']['AwardDecision'];
type DraftBody = paths['/api/award-decisions']['post']['requestBody']['content']['application/json'];

const STATUS_NAMES: Record<AwardDecision['status'], string> = { DRAFT: 'Dự thảo', ISSUED: 'Đã ban hành', REVOKED: 'Đã thu hồi' };
const dong = new Intl.NumberFormat('vi-VN');

/** Award decisions: drafted from approved nominations, issued with a number and a signature, revoked. */
export function AwardDecisions() {
  const decisions = useQuery({
    queryKey: ['award-decisions'],
    queryFn: () => unwrap(api.GET('/api/award-decisions')),
  });
  const { failure } = useAnnounce();
  const [drafting, setDrafting] = useState(false);
  const [issuing, setIssuing] = useState<AwardDecision | null>(null);
  const [revoking, setRevoking] = useState<AwardDecision | null>(null);

  const get = (d: AwardDecision, file: string, name: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    download(`/api/award-decisions/${d.id}/${file}`, name).catch((error: unknown) => failure(errorMessage(error)));
  };
  const fileStem = (d: AwardDecision) => (d.number ?? 'du-thao').replace(/[^A-Za-z0-9]+/g, '-');

  const items = decisions.data?.items ?? [];
  return (
    <>
      <h1>Quyết định khen thưởng</h1>
      <p>
        <button type="button" onClick={() => setDrafting(true)}>
          Tạo dự thảo quyết định
        </button>
      </p>
      {decisions.isPending && <p>Đang tải…</p>}
      {decisions.isError && <p className="error-text">{errorMessage(decisions.error)}</p>}
      {decisions.data && items.length === 0 && <p>Chưa có quyết định nào.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Các quyết định khen thưởng</caption>
            <thead>
              <tr>
                <th scope="col">Số</th>
                <th scope="col">Ngày</th>
                <th scope="col">Danh hiệu, hình thức</th>
                <th scope="col">Số người, tập thể</th>
                <th scope="col">Tổng tiền thưởng (đồng)</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.number ?? '—'}</th>
                  <td>{d.issuedAt ? formatDate(d.issuedAt) : '—'}</td>
                  <td>
                    {d.awardName} năm {d.year}
                  </td>
                  <td>{d.items.length}</td>
                  <td>{dong.format(d.total)}</td>
                  <td>{STATUS_NAMES[d.status]}</td>
                  <td className="actions">
                    {d.status === 'DRAFT' && (
                      <button type="button" onClick={() => setIssuing(d)}>
                        Ban hành
                      </button>
                    )}
                    {d.status !== 'DRAFT' && (
                      <a href={`/api/award-decisions/${d.id}/document.pdf`} onClick={get(d, 'document.pdf', `quyet-dinh-${fileStem(d)}.pdf`)}>
                        Tải quyết định (PDF)
                      </a>
                    )}
                    {d.status === 'ISSUED' && (
                      <>
                        {' '}
                        <a href={`/api/award-decisions/${d.id}/certificates.pdf`} onClick={get(d, 'certificates.pdf', `bang-khen-${fileStem(d)}.pdf`)}>
                          In bằng khen, giấy khen
                        </a>{' '}
                        <button type="button" className="secondary" onClick={() => setRevoking(d)}>
                          Thu hồi
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {drafting && <DraftDecision onClose={() => setDrafting(false)} />}
      {issuing && <IssueDecision decision={issuing} onClose={() => setIssuing(null)} />}
      {revoking && <RevokeDecision decision={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}

/** One submission of a dialog: the request, then the list refreshed and the outcome announced. */
function useCommand(onClose: () => void) {
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (event: FormEvent<HTMLFormElement>, send: () => Promise<unknown>, done: string) => {
    if (!event.currentTarget.reportValidity()) return;
    clear();
    setBusy(true);
    try {
      await send();
      await queryClient.invalidateQueries({ queryKey: ['award-decisions'] });
      onClose();
      success(done);
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function DraftDecision({ onClose }: { onClose: () => void }) {
  const awards = useAwards().data ?? [];
  const [awardCode, setAwardCode] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [requestId] = useState(newRequestId);
  const { busy, run } = useCommand(onClose);
  const award = awardCode || awards[0]?.code || '';
  const approved = useQuery({
    queryKey: ['approved', award],
    enabled: !!award,
    queryFn: () => unwrap(api.GET('/api/nominations', { params: { query: { status: 'APPROVED', awardCode: award, pageSize: 200 } } })),
  });
  const candidates = (approved.data?.items ?? []).filter((n) => String(n.year) === year && !n.awardDecision);
  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void run(
      event,
      () =>
        unwrap(
          api.POST('/api/award-decisions', { body: { awardCode: award as DraftBody['awardCode'], year: Number(year), nominationIds: chosen, requestId } }),
        ),
      `Đã tạo dự thảo quyết định với ${chosen.length} hồ sơ.`,
    );
  return (
    <Dialog title="Tạo dự thảo quyết định" open onClose={onClose} onSubmit={submit} busy={busy}>
      <Field id="decision-award" label="Danh hiệu, hình thức">
        {(props) => (
          <select {...props} value={award} onChange={(e) => (setAwardCode(e.target.value), setChosen([]))}>
            {awards.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="decision-year" label="Năm">
        {(props) => <input {...props} type="number" min={2000} max={2100} value={year} onChange={(e) => (setYear(e.target.value), setChosen([]))} required />}
      </Field>
      <fieldset>
        <legend>Hồ sơ đã được phê duyệt</legend>
        {approved.isPending && <p>Đang tải…</p>}
        {approved.data && candidates.length === 0 && <p>Không có hồ sơ nào đã được phê duyệt chưa có quyết định.</p>}
        {candidates.map((n) => (
          <label key={n.id} className="check">
            <input type="checkbox" checked={chosen.includes(n.id)} onChange={() => toggle(n.id)} /> {nomineeName(n.nominee)} ({n.unitName})
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

function IssueDecision({ decision, onClose }: { decision: AwardDecision; onClose: () => void }) {
  const [signer, setSigner] = useState('');
  const [requestId] = useState(newRequestId);
  const { busy, run } = useCommand(onClose);
  const submit = (event: FormEvent<HTMLFormElement>) =>
    void run(
      event,
      () => unwrap(api.POST('/api/award-decisions/{id}/issue', { params: { path: { id: decision.id } }, body: { signer, requestId } })),
      `Đã ban hành quyết định ${decision.awardName} năm ${decision.year}.`,
    );
  return (
    <Dialog title="Ban hành quyết định" open onClose={onClose} onSubmit={submit} busy={busy}>
      <Field id="decision-signer" label="Người ký">
        {(props) => <input {...props} value={signer} onChange={(e) => setSigner(e.target.value)} required minLength={3} autoComplete="off" />}
      </Field>
    </Dialog>
  );
}

function RevokeDecision({ decision, onClose }: { decision: AwardDecision; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [requestId] = useState(newRequestId);
  const { busy, run } = useCommand(onClose);
  const submit = (event: FormEvent<HTMLFormElement>) =>
    void run(
      event,
      () => unwrap(api.POST('/api/award-decisions/{id}/revoke', { params: { path: { id: decision.id } }, body: { reason, requestId } })),
      `Đã thu hồi quyết định ${decision.number ?? ''}.`,
    );
  return (
    <Dialog title="Thu hồi quyết định" open onClose={onClose} onSubmit={submit} busy={busy}>
      <Field id="decision-reason" label="Lý do">
        {(props) => <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={3} />}
      </Field>
    </Dialog>
  );
}
