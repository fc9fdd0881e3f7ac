import { useState } from 'react';
import { useInbox } from '../api/queries';
import { NominationTable } from '../components/NominationTable';
import { Pager } from '../components/Pager';
import { errorMessage } from '../lib/errors';

const PAGE_SIZE = 50;

export function Inbox() {
  const [page, setPage] = useState(1);
  const inbox = useInbox(page, PAGE_SIZE);
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
