import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { LIVE_INTERVAL_MS } from '../api/queries';
import type { Nomination, Page } from '../api/types';
import { NominationTable } from '../components/NominationTable';
import { Pager } from '../components/Pager';
import { errorMessage } from '../lib/errors';

const PAGE_SIZE = 50;

export function Inbox() {
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: ['inbox', page],
    queryFn: () => unwrap<Page<Nomination>>(api.GET('/api/inbox', { params: { query: { page: String(page), pageSize: String(PAGE_SIZE) } } })),
    refetchInterval: LIVE_INTERVAL_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Hộp việc</h1>
      {inbox.isPending && <p>Đang tải…</p>}
      {inbox.isError && <p className="error-text">{errorMessage(inbox.error)}</p>}
      {inbox.data && (
        <>
          <p>{inbox.data.total} hồ sơ đang chờ xử lý, hạn sớm nhất trước.</p>
          <NominationTable items={inbox.data.items} caption="Hồ sơ chờ xử lý" />
          <Pager page={page} pageSize={PAGE_SIZE} total={inbox.data.total ?? inbox.data.items.length} onPage={setPage} />
        </>
      )}
    </>
  );
}
