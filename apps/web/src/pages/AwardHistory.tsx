import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { useAwardName, useUnits } from '../api/queries';
import { useAnnounce } from '../components/Announcer';
import { Field } from '../components/Field';
import { Pager } from '../components/Pager';
import { ApiFailure, errorMessage } from '../lib/errors';
import { AWARD_BASIS_NAMES, nameOf } from '../lib/format';

const PAGE_SIZE = 50;
const HEADER = 'fullName,unitCode,awardCode,year,decisionRef,basis';

/** The awards people already hold (the eligibility rules count them): imported from the office's files, and looked up. */
export function AwardHistory() {
  return (
    <>
      <h1>Lịch sử khen thưởng</h1>
      <Import />
      <Lookup />
    </>
  );
}

function Import() {
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | undefined>();
  const [problems, setProblems] = useState<{ path?: string; message?: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setProblems([]);
    if (!file) return failure('Chọn tệp CSV cần nhập.');
    setBusy(true);
    try {
      const csv = await file.text();
      const { imported } = await unwrap(
        api.POST('/api/admin/award-history/import', {
          body: csv,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          bodySerializer: (body: string) => body,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['award-history'] });
      success(`Đã nhập ${imported} dòng.`);
    } catch (error) {
      failure(errorMessage(error));
      if (error instanceof ApiFailure) setProblems(error.body?.error?.details ?? []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title" className="stack">
      <h2 id="import-title">Nhập từ tệp CSV</h2>
      <form onSubmit={submit} noValidate>
        <Field id="history-file" label="Tệp CSV" hint={`Dòng đầu là ${HEADER} (cột basis có thể bỏ); tệp có lỗi thì không dòng nào được nhập.`}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />}
        </Field>
        <p>
          <button type="submit" disabled={busy}>
            Nhập dữ liệu
          </button>
        </p>
      </form>
      {problems.length > 0 && (
        <ul aria-label="Lỗi trong tệp" className="error-text">
          {problems.map((p, i) => (
            <li key={i}>{p.path?.startsWith('line:') ? `Dòng ${p.path.slice(5)}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Lookup() {
  const units = useUnits().data ?? [];
  const awardName = useAwardName();
  const [typed, setTyped] = useState({ fullName: '', unitCode: '' });
  const [filter, setFilter] = useState(typed);
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['award-history', filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/award-history', {
          params: {
            query: { fullName: filter.fullName || undefined, unitCode: filter.unitCode || undefined, page: page, pageSize: PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilter({ fullName: typed.fullName.trim(), unitCode: typed.unitCode });
  };

  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">Tra cứu</h2>
      <form onSubmit={search} className="stack">
        <Field id="history-name" label="Họ và tên">
          {(props) => <input {...props} value={typed.fullName} onChange={(e) => setTyped({ ...typed, fullName: e.target.value })} autoComplete="off" />}
        </Field>
        <Field id="history-unit" label="Đơn vị">
          {(props) => (
            <select {...props} value={typed.unitCode} onChange={(e) => setTyped({ ...typed, unitCode: e.target.value })}>
              <option value="">— Tất cả —</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p>
          <button type="submit" className="secondary">
            Tìm
          </button>
        </p>
      </form>
      {history.isError && <p className="error-text">{errorMessage(history.error)}</p>}
      {history.data && history.data.items.length === 0 && <p>Không có bản ghi nào.</p>}
      {history.data && history.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption>Khen thưởng đã ghi nhận ({history.data.total})</caption>
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Danh hiệu, hình thức</th>
                  <th scope="col">Năm</th>
                  <th scope="col">Quyết định</th>
                  <th scope="col">Loại</th>
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((row) => (
                  <tr key={`${row.fullName}-${row.unitCode}-${row.awardCode}-${row.year}`}>
                    <th scope="row">{row.fullName}</th>
                    <td>{row.unitName}</td>
                    <td>{awardName(row.awardCode)}</td>
                    <td>{row.year}</td>
                    <td>{row.decisionRef}</td>
                    <td>{nameOf(AWARD_BASIS_NAMES, row.basis)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={history.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
