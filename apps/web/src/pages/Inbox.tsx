import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { newRequestId, useAwards, useInbox, useUnits, type InboxFilter } from '../api/queries';
import type { components } from '../api/schema';
import type { Nomination } from '../api/models';
import { useAnnounce } from '../components/Announcer';
import { NominationTable } from '../components/NominationTable';
import { Pager } from '../components/Pager';
import { errorMessage } from '../lib/errors';
import { nomineeName } from '../lib/format';
import { useMe } from '../session';

const PAGE_SIZE = 50;

type BatchResults = components['schemas']['DecisionBatchResults'] | components['schemas']['VoteBatchResults'];
type BatchKind = 'APPROVE' | 'VOTE_FOR';

export function Inbox() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<InboxFilter>({});
  // What the user ticked, kept even when a refresh drops a row someone else decided: the summary then says so.
  const [selected, setSelected] = useState<ReadonlyMap<string, Nomination>>(new Map());
  const inbox = useInbox(page, PAGE_SIZE, true, filter);
  const items = inbox.data?.items ?? [];
  const batch = useBatch(() => setSelected(new Map()));

  // A filter or page changed: what was ticked may no longer be in front of the user.
  const narrow = (next: InboxFilter) => {
    setFilter(next);
    setPage(1);
    setSelected(new Map());
  };
  const toPage = (next: number) => {
    setPage(next);
    setSelected(new Map());
  };
  const toggle = (n: Nomination) =>
    setSelected((s) => {
      const next = new Map(s);
      if (!next.delete(n.id)) next.set(n.id, n);
      return next;
    });
  const toggleAll = () => setSelected((s) => (items.length > 0 && items.every((n) => s.has(n.id)) ? new Map() : new Map(items.map((n) => [n.id, n]))));
  const chosen = [...selected.values()];

  return (
    <>
      <h1>Hộp việc</h1>
      <InboxFilters filter={filter} onChange={narrow} />
      {inbox.isPending && <p>Đang tải…</p>}
      {inbox.isError && <p className="error-text">{errorMessage(inbox.error)}</p>}
      {inbox.data && (
        <>
          <p>{inbox.data.total} hồ sơ đang chờ xử lý, hạn sớm nhất trước.</p>
          <div className="batch-actions" aria-busy={batch.running !== null}>
            {(me.role === 'REVIEWER' || me.role === 'STAFF') && (
              <button type="button" disabled={chosen.length === 0 || batch.running !== null} onClick={() => void batch.run('APPROVE', chosen)}>
                Đồng ý các hồ sơ đã chọn
              </button>
            )}
            {me.councilSeat && (
              <button type="button" disabled={chosen.length === 0 || batch.running !== null} onClick={() => void batch.run('VOTE_FOR', chosen)}>
                Tán thành các hồ sơ đã chọn
              </button>
            )}
            <span>Đã chọn {chosen.length} hồ sơ.</span>
            {batch.running !== null && (
              <>
                <progress aria-label="Tiến độ xử lý các hồ sơ đã chọn" />
                <span>Đang xử lý {batch.running} hồ sơ…</span>
              </>
            )}
          </div>
          <NominationTable items={items} caption="Hồ sơ chờ xử lý" selection={{ selected, toggle, toggleAll, disabled: batch.running !== null }} />
          <Pager page={page} pageSize={PAGE_SIZE} total={inbox.data.total ?? items.length} onPage={toPage} />
        </>
      )}
    </>
  );
}

function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange: (next: InboxFilter) => void }) {
  const awards = useAwards().data ?? [];
  const units = useUnits().data ?? [];
  return (
    <form className="filters" role="search" aria-label="Lọc hộp việc" onSubmit={(e) => e.preventDefault()}>
      <p className="field">
        <label htmlFor="inbox-award">Danh hiệu</label>
        <select id="inbox-award" value={filter.awardCode ?? ''} onChange={(e) => onChange({ ...filter, awardCode: e.target.value || undefined })}>
          <option value="">Tất cả</option>
          {awards.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </p>
      <p className="field">
        <label htmlFor="inbox-unit">Đơn vị</label>
        <select id="inbox-unit" value={filter.unitCode ?? ''} onChange={(e) => onChange({ ...filter, unitCode: e.target.value || undefined })}>
          <option value="">Tất cả</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name} ({u.code})
            </option>
          ))}
        </select>
      </p>
      <p className="field">
        <label>
          <input type="checkbox" checked={!!filter.overdue} onChange={(e) => onChange({ ...filter, overdue: e.target.checked || undefined })} /> Chỉ hồ sơ quá
          hạn
        </label>
      </p>
      <p className="field">
        <label htmlFor="inbox-q">Tìm theo tên</label>
        <input id="inbox-q" type="search" value={filter.q ?? ''} onChange={(e) => onChange({ ...filter, q: e.target.value || undefined })} />
      </p>
    </form>
  );
}

/**
 * Sends the ticked nominations in one batch: each approved at its current level (or voted for at a
 * council), then says in the status region how many went through and, for each that did not, why.
 */
function useBatch(done: () => void) {
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<number | null>(null);

  const run = async (kind: BatchKind, chosen: Nomination[]) => {
    clear();
    setRunning(chosen.length);
    try {
      const { results } = await unwrap<BatchResults>(
        kind === 'APPROVE'
          ? api.POST('/api/decisions/batch', {
              body: { requestId: newRequestId(), items: chosen.map((n) => ({ nominationId: n.id, level: n.currentLevel!, decision: 'APPROVE' as const })) },
            })
          : api.POST('/api/votes/batch', { body: { requestId: newRequestId(), items: chosen.map((n) => ({ nominationId: n.id, vote: 'FOR' as const })) } }),
      );
      success(summary(kind, chosen, results));
      done();
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setRunning(null);
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['nominations'] });
      for (const n of chosen) void queryClient.invalidateQueries({ queryKey: ['nomination', n.id] });
    }
  };
  return { running, run };
}

function summary(kind: BatchKind, chosen: Nomination[], results: BatchResults['results']): string {
  const name = (id: string | null) => nomineeName(chosen.find((n) => n.id === id)?.nominee);
  const passed = results.filter((r) => r.status === 200).length;
  const refused = results.flatMap((r) => ('error' in r ? [`${name(r.nominationId)}: ${r.error.message}`] : []));
  const head = kind === 'APPROVE' ? `Đã đồng ý ${passed}/${chosen.length} hồ sơ.` : `Đã tán thành ${passed}/${chosen.length} hồ sơ.`;
  return refused.length === 0 ? head : `${head} Không xử lý được ${refused.length} hồ sơ: ${refused.join('; ')}.`;
}
