import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { LIVE_INTERVAL_MS } from '../api/queries';
import { NominationTable } from '../components/NominationTable';
import { Pager } from '../components/Pager';
import { errorMessage } from '../lib/errors';
import { useRouter } from '../lib/router';
import { useMe } from '../session';

const PAGE_SIZE = 50;

function useNominations(unitCode: string | undefined, page: number) {
  return useQuery({
    queryKey: ['nominations', unitCode ?? 'all', page],
    queryFn: () => unwrap(api.GET('/api/nominations', { params: { query: { unitCode, page: page, pageSize: PAGE_SIZE } } })),
    refetchInterval: LIVE_INTERVAL_MS,
    placeholderData: keepPreviousData,
  });
}

function List({ title, unitCode, children }: { title: string; unitCode?: string; children?: React.ReactNode }) {
  const [page, setPage] = useState(1);
  const list = useNominations(unitCode, page);
  return (
    <>
      <h1>{title}</h1>
      {children}
      {list.isPending && <p>Đang tải…</p>}
      {list.isError && <p className="error-text">{errorMessage(list.error)}</p>}
      {list.data && (
        <>
          <NominationTable items={list.data.items} caption={title} withStatus />
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}

export function UnitNominations() {
  const me = useMe();
  const { navigate } = useRouter();
  return (
    <List title="Hồ sơ của đơn vị" unitCode={me.orgCode}>
      <p>{me.orgName}</p>
      {me.role === 'CLERK' && (
        <p>
          <button type="button" onClick={() => navigate('/don-vi/tao-moi')}>
            Tạo hồ sơ đề nghị
          </button>
        </p>
      )}
    </List>
  );
}

export const AllNominations = () => <List title="Tất cả hồ sơ" />;
