import { useQuery } from '@tanstack/react-query';
import { useId, useState, type MouseEvent } from 'react';
import { api, download, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { BarChart } from '../components/BarChart';
import { errorMessage } from '../lib/errors';

type Statistics = components['schemas']['Statistics'];
type Grouping = Statistics['by'];

const GROUPINGS: [Grouping, string][] = [
  ['unit', 'Đơn vị'],
  ['award', 'Danh hiệu'],
  ['level', 'Cấp xét duyệt'],
  ['month', 'Tháng'],
];

const COLUMNS: [keyof Statistics['total'], string][] = [
  ['submitted', 'Số hồ sơ'],
  ['inReview', 'Đang xét duyệt'],
  ['overdue', 'Quá hạn'],
  ['returned', 'Trả lại'],
  ['approved', 'Đã phê duyệt'],
  ['rejected', 'Không phê duyệt'],
  ['withdrawn', 'Đã rút'],
  ['awarded', 'Được khen thưởng'],
  ['decisions', 'Lượt xét duyệt'],
  ['onTimeRate', 'Tỷ lệ đúng hạn'],
  ['medianWorkingDays', 'Số ngày làm việc (trung vị)'],
];

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

function cell(key: keyof Statistics['total'], value: number | null): string {
  if (value === null) return '—';
  return key === 'onTimeRate' ? percent.format(value) : number.format(value);
}

/** The year's figures by unit, award, level or month: a chart of the nominations and the same numbers as a table. */
export function StatisticsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [by, setBy] = useState<Grouping>('unit');
  const { failure } = useAnnounce();
  const ids = { year: useId(), by: useId() };
  const query = `year=${year}&by=${by}`;
  const statistics = useQuery({ queryKey: ['statistics', year, by], queryFn: () => unwrap(api.GET('/api/statistics', { params: { query: { year, by } } })) });
  const grouping = GROUPINGS.find(([value]) => value === by)![1];

  const getWorkbook = (event: MouseEvent) => {
    event.preventDefault();
    download(`/api/statistics.xlsx?${query}`, `thong-ke-${year}-${by}.xlsx`).catch((error: unknown) => failure(errorMessage(error)));
  };

  const rows = statistics.data?.rows ?? [];
  return (
    <>
      <h1>Thống kê</h1>
      <div className="filters">
        <label htmlFor={ids.year}>Năm</label>
        <select id={ids.year} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor={ids.by}>Nhóm theo</label>
        <select id={ids.by} value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
          {GROUPINGS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <a href={`/api/statistics.xlsx?${query}`} onClick={getWorkbook}>
          Tải Excel
        </a>
      </div>
      {statistics.isPending && (
        <p role="progressbar" aria-label="Đang tải số liệu">
          Đang tải…
        </p>
      )}
      {statistics.isError && <p className="error-text">{errorMessage(statistics.error)}</p>}
      {statistics.data && rows.length === 0 && <p>Chưa có hồ sơ nào của năm {year}.</p>}
      {statistics.data && rows.length > 0 && (
        <>
          <BarChart name={`Biểu đồ số hồ sơ năm ${year} theo ${grouping.toLowerCase()}`} bars={rows.map((r) => ({ label: r.name, value: r.submitted }))} />
          <div className="table-wrap">
            <table>
              <caption>
                Số liệu năm {year} theo {grouping.toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{grouping}</th>
                  {COLUMNS.map(([key, label]) => (
                    <th scope="col" key={key}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    {COLUMNS.map(([key]) => (
                      <td key={key}>{cell(key, row[key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Tổng cộng</th>
                  {COLUMNS.map(([key]) => (
                    <td key={key}>{cell(key, statistics.data.total[key])}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}
