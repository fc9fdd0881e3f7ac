import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, download, unwrap } from '../api/client';
import { uploadDocuments } from '../api/documents';
import { decidedByCouncil } from '../api/catalogue';
import { newRequestId, useAwardName, useAwards, useDocumentTypeName, useDocumentTypes, useInbox, useNomination } from '../api/queries';
import type { paths } from '../api/schema';
import type { Nomination } from '../api/models';
import { useAnnounce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { LOST_RACE, errorMessage, isLostRace } from '../lib/errors';
import {
  AWARD_BASIS_NAMES,
  CRITERION_STATUS_NAMES,
  DECISION_NAMES,
  GROUND_NAMES,
  LEVEL_NAMES,
  STATUS_NAMES,
  formatDate,
  formatDateTime,
  formatSize,
  nameOf,
  nomineeName,
} from '../lib/format';
import { useDisplayName, useMe } from '../session';

type Ground = NonNullable<paths['/api/nominations/{id}/decisions']['post']['requestBody']['content']['application/json']['ground']>;

const FINAL = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'FORWARDED'];

/** Who voted at a level in this browser session: the API never says, and a second vote is refused. */
const votedHere = new Set<string>();

export function NominationPage({ id }: { id: string }) {
  const nomination = useNomination(id);
  if (nomination.isPending) return <p>Đang tải…</p>;
  if (nomination.isError)
    return (
      <>
        <h1>Hồ sơ đề nghị</h1>
        <p className="error-text">{errorMessage(nomination.error)}</p>
      </>
    );
  return <NominationView n={nomination.data} />;
}

function NominationView({ n }: { n: Nomination }) {
  const me = useMe();
  const awards = useAwards().data;
  const award = awards?.find((a) => a.code === n.awardCode);
  const awardName = useAwardName();
  const typeName = useDocumentTypeName();
  const displayName = useDisplayName();
  // Staff decide a level only when it was reassigned to them, which only their inbox tells (at most 200 at once).
  const inbox = useInbox(1, 200, me.role === 'STAFF');
  const assignedToMe = me.role === 'STAFF' && !!inbox.data?.items.some((i) => i.id === n.id);
  const atMyLevel = n.status === 'IN_REVIEW' && n.currentLevel !== null && (me.reviewsLevel === n.currentLevel || assignedToMe);
  const councilLevel = !!award && n.currentLevel !== null && decidedByCouncil(award, n.currentLevel);
  const isClerk = me.role === 'CLERK' && me.orgCode === n.unitCode;

  return (
    <article className="nomination">
      <h1>{nomineeName(n.nominee)}</h1>
      {atMyLevel && !councilLevel && (me.role === 'REVIEWER' || assignedToMe) && <Decide n={n} />}
      {atMyLevel && councilLevel && me.councilSeat && <Vote n={n} chair={me.councilSeat === 'CHAIR'} />}
      {isClerk && <ClerkActions n={n} />}

      <section aria-labelledby="s-info">
        <h2 id="s-info">Thông tin đề nghị</h2>
        <dl className="facts">
          <dt>Danh hiệu, hình thức khen thưởng</dt>
          <dd>{awardName(n.awardCode)}</dd>
          <dt>Đơn vị</dt>
          <dd>{n.unitName}</dd>
          {n.nominee.kind === 'INDIVIDUAL' && n.nominee.position && (
            <>
              <dt>Chức vụ</dt>
              <dd>{n.nominee.position}</dd>
            </>
          )}
          <dt>Năm</dt>
          <dd>{n.year}</dd>
          <dt>Căn cứ đề nghị</dt>
          <dd>{nameOf(AWARD_BASIS_NAMES, n.basis ?? 'REGULAR')}</dd>
          <dt>Trạng thái</dt>
          <dd data-testid="status">{nameOf(STATUS_NAMES, n.status)}</dd>
          <dt>Cấp hiện tại</dt>
          <dd>{nameOf(LEVEL_NAMES, n.currentLevel)}</dd>
          <dt>Hạn xử lý</dt>
          <dd>
            {formatDate(n.dueAt)}
            {n.overdue && <strong className="badge danger"> Quá hạn</strong>}
          </dd>
        </dl>
        <h3>Thành tích</h3>
        <p className="prose">{n.achievements}</p>
        {me.role === 'ADMIN' && (
          <p>
            <a href={n.temporalUiUrl} target="_blank" rel="noreferrer">
              Mở trong Temporal
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="s-criteria">
        <h2 id="s-criteria">Điều kiện</h2>
        {n.eligibility?.criteria.length ? (
          <ul className="criteria">
            {n.eligibility.criteria.map((c) => (
              <li key={c.code} className={`criterion ${c.status.toLowerCase()}`}>
                <strong>{nameOf(CRITERION_STATUS_NAMES, c.status)}</strong> — {c.message}
              </li>
            ))}
          </ul>
        ) : (
          <p>Không có điều kiện nào được đánh giá.</p>
        )}
      </section>

      <section aria-labelledby="s-docs">
        <h2 id="s-docs">Hồ sơ đính kèm</h2>
        {n.documents?.length ? (
          <ul>
            {n.documents.map((d) => (
              <li key={d.id}>
                <a
                  href={`/api/documents/${d.id}/content`}
                  onClick={(event) => {
                    event.preventDefault();
                    void download(`/api/documents/${d.id}/content`, d.fileName);
                  }}
                >
                  {d.fileName}
                </a>{' '}
                — {typeName(d.type)}, {formatSize(d.size)}
                {d.current === false && ' (phiên bản cũ)'}
              </li>
            ))}
          </ul>
        ) : (
          <p>Chưa có tài liệu đính kèm.</p>
        )}
      </section>

      <section aria-labelledby="s-history">
        <h2 id="s-history">Quá trình xét duyệt</h2>
        {n.decisions.length === 0 ? (
          <p>Chưa có quyết định nào.</p>
        ) : (
          <ol className="history">
            {n.decisions.map((d, i) => (
              <li key={i}>
                <strong>
                  {nameOf(LEVEL_NAMES, d.level)}:{' '}
                  {d.tally ? (d.decision === 'APPROVE' ? 'Hội đồng tán thành' : 'Hội đồng không tán thành') : nameOf(DECISION_NAMES, d.decision)}
                </strong>{' '}
                — {displayName(d.reviewer)}
                {d.onBehalfOf && ` (thay ${displayName(d.onBehalfOf)})`}, {formatDateTime(d.decidedAt)}
                {d.ground && <div>Lý do: {nameOf(GROUND_NAMES, d.ground)}</div>}
                {d.comment && <div>Ý kiến: {d.comment}</div>}
                {d.tally && (
                  <div>
                    Kết quả bỏ phiếu: {d.tally.for} tán thành, {d.tally.against} không tán thành, trên {d.tally.membersTotal} thành viên (ngưỡng{' '}
                    {Math.round(d.tally.threshold * 100)}%)
                  </div>
                )}
                {d.minutes && <div className="prose">Biên bản: {d.minutes}</div>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** Writes the nomination a command returned (or, after a lost race, the current one) into the cache. */
function useRefresh(n: Nomination) {
  const queryClient = useQueryClient();
  return async (next?: Nomination) => {
    if (next) queryClient.setQueryData(['nomination', n.id], next);
    await queryClient.invalidateQueries({ queryKey: ['nomination', n.id] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    void queryClient.invalidateQueries({ queryKey: ['nominations'] });
  };
}

function useCommand(n: Nomination) {
  const { success, failure, clear } = useAnnounce();
  const refresh = useRefresh(n);
  const [busy, setBusy] = useState(false);
  const run = async (command: () => Promise<Nomination | undefined>, done: string): Promise<boolean> => {
    // The previous outcome must not read as this command's.
    clear();
    setBusy(true);
    try {
      await refresh(await command());
      success(done);
      return true;
    } catch (error) {
      if (isLostRace(error)) {
        await refresh();
        failure(`${LOST_RACE}. Trạng thái hiện tại được hiển thị bên dưới.`);
        return true;
      }
      failure(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function Decide({ n }: { n: Nomination }) {
  const { busy, run } = useCommand(n);
  const [dialog, setDialog] = useState<'RETURN' | 'REJECT' | null>(null);
  const [comment, setComment] = useState('');
  const [ground, setGround] = useState<Ground>('CRITERIA_NOT_MET');
  const level = n.currentLevel!;
  const decide = (decision: 'APPROVE' | 'RETURN' | 'REJECT') =>
    run(
      () =>
        unwrap(
          api.POST('/api/nominations/{id}/decisions', {
            params: { path: { id: n.id } },
            body: {
              level,
              decision,
              requestId: newRequestId(),
              ...(decision !== 'APPROVE' && { comment }),
              ...(decision === 'REJECT' && { ground }),
            },
          }),
        ),
      `Đã ghi nhận: ${DECISION_NAMES[decision]} (cấp ${LEVEL_NAMES[level]}).`,
    );
  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    if (!event.currentTarget.reportValidity() || !dialog) return;
    if (await decide(dialog)) {
      setDialog(null);
      setComment('');
    }
  };
  return (
    <section aria-labelledby="s-decide" className="panel">
      <h2 id="s-decide">Quyết định cấp {LEVEL_NAMES[level]}</h2>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide('APPROVE')}>
          Đồng ý
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setDialog('RETURN')}>
          Trả lại
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setDialog('REJECT')}>
          Không đồng ý
        </button>
      </div>
      <Dialog
        title={dialog === 'REJECT' ? 'Không đồng ý hồ sơ' : 'Trả lại để bổ sung'}
        open={dialog !== null}
        onClose={() => setDialog(null)}
        onSubmit={confirm}
        busy={busy}
      >
        {dialog === 'REJECT' && (
          <p>
            <label htmlFor="ground">Lý do</label>
            <select id="ground" value={ground} onChange={(e) => setGround(e.target.value as Ground)} required>
              {Object.entries(GROUND_NAMES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <label htmlFor="comment">Ý kiến</label>
          <textarea id="comment" value={comment} onChange={(e) => setComment(e.target.value)} required rows={4} />
        </p>
      </Dialog>
    </section>
  );
}

function Vote({ n, chair }: { n: Nomination; chair: boolean }) {
  const { success, failure } = useAnnounce();
  const refresh = useRefresh(n);
  const key = `${n.id}:${n.currentLevel}`;
  const [voted, setVoted] = useState(votedHere.has(key));
  const [busy, setBusy] = useState(false);
  const vote = async (choice: 'FOR' | 'AGAINST') => {
    setBusy(true);
    try {
      const receipt = await unwrap(
        api.POST('/api/nominations/{id}/votes', { params: { path: { id: n.id } }, body: { vote: choice, requestId: newRequestId() } }),
      );
      votedHere.add(key);
      setVoted(true);
      success(`Đã bỏ phiếu (${receipt.votesCast}/${receipt.membersTotal} thành viên đã bỏ phiếu).`);
    } catch (error) {
      // A second vote of the same member is a 409: the vote is already counted.
      if (error instanceof Error && 'status' in error && error.status === 409 && !isLostRace(error)) {
        votedHere.add(key);
        setVoted(true);
      }
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    setBusy(true);
    try {
      await refresh(await unwrap(api.POST('/api/nominations/{id}/votes/close', { params: { path: { id: n.id } }, body: { requestId: newRequestId() } })));
      success('Đã kết thúc bỏ phiếu. Kết quả ở mục Quá trình xét duyệt.');
    } catch (error) {
      if (isLostRace(error)) await refresh();
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="s-vote" className="panel">
      <h2 id="s-vote">Bỏ phiếu kín cấp {nameOf(LEVEL_NAMES, n.currentLevel)}</h2>
      {voted ? (
        <p>
          <strong>Đã bỏ phiếu</strong>
        </p>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void vote('FOR')}>
            Tán thành
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void vote('AGAINST')}>
            Không tán thành
          </button>
        </div>
      )}
      {chair && (
        <p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void close()}>
            Kết thúc bỏ phiếu
          </button>
        </p>
      )}
    </section>
  );
}

function ClerkActions({ n }: { n: Nomination }) {
  const { busy, run } = useCommand(n);
  const types = useDocumentTypes().data ?? [];
  const [resubmitting, setResubmitting] = useState(false);
  const [comment, setComment] = useState('');
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  if (FINAL.includes(n.status)) return null;

  const resubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await run(async () => {
      const documents = await uploadDocuments(files);
      return unwrap(
        api.POST('/api/nominations/{id}/resubmit', {
          params: { path: { id: n.id } },
          // `documents` is API.md's (Dossiers); the served document gains it with the dossier endpoints.
          body: documents.length > 0 ? ({ comment, requestId: newRequestId(), documents } as { comment: string }) : { comment, requestId: newRequestId() },
        }),
      );
    }, 'Đã gửi lại hồ sơ.');
    if (ok) {
      setResubmitting(false);
      setComment('');
      setFiles({});
    }
  };
  const withdraw = async (event: FormEvent<HTMLFormElement>) => {
    if (!event.currentTarget.reportValidity()) return;
    const ok = await run(
      () => unwrap(api.POST('/api/nominations/{id}/withdraw', { params: { path: { id: n.id } }, body: { reason, requestId: newRequestId() } })),
      'Đã rút hồ sơ.',
    );
    if (ok) setWithdrawing(false);
  };

  return (
    <section aria-labelledby="s-clerk" className="panel">
      <h2 id="s-clerk">Thao tác của đơn vị</h2>
      <div className="actions">
        {n.status === 'RETURNED' && (
          <button type="button" aria-expanded={resubmitting} aria-controls="resubmit-form" onClick={() => setResubmitting(!resubmitting)}>
            Bổ sung và gửi lại
          </button>
        )}
        <button type="button" className="danger" onClick={() => setWithdrawing(true)}>
          Rút hồ sơ
        </button>
      </div>
      {n.status === 'RETURNED' && resubmitting && (
        <form id="resubmit-form" onSubmit={resubmit}>
          <p>
            <label htmlFor="supplement">Nội dung bổ sung</label>
            <textarea id="supplement" value={comment} onChange={(e) => setComment(e.target.value)} required rows={4} />
          </p>
          <fieldset>
            <legend>Tài liệu bổ sung (không bắt buộc)</legend>
            {types.map((t) => (
              <p key={t.code}>
                <label htmlFor={`re-${t.code}`}>{t.name}</label>
                <input
                  id={`re-${t.code}`}
                  type="file"
                  accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
                  onChange={(e) => setFiles({ ...files, [t.code]: e.target.files?.[0] })}
                />
              </p>
            ))}
          </fieldset>
          <button type="submit" disabled={busy}>
            Gửi lại
          </button>
        </form>
      )}
      <Dialog title="Rút hồ sơ đề nghị" open={withdrawing} onClose={() => setWithdrawing(false)} onSubmit={withdraw} busy={busy}>
        <p>
          <label htmlFor="withdraw-reason">Lý do rút</label>
          <textarea id="withdraw-reason" value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />
        </p>
      </Dialog>
    </section>
  );
}
