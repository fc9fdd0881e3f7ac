import { useAwardName } from '../api/queries';
import type { Nomination } from '../api/models';
import { LEVEL_NAMES, STATUS_NAMES, formatDate, nameOf, nomineeName } from '../lib/format';
import { Link } from '../lib/router';

/** One row per nomination; `withStatus` for the unit's and the admin's lists, the inbox shows the due date instead. */
export function NominationTable({ items, caption, withStatus }: { items: Nomination[]; caption: string; withStatus?: boolean }) {
  const awardName = useAwardName();
  if (items.length === 0) return <p>Không có hồ sơ nào.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Đối tượng</th>
            <th scope="col">Danh hiệu, hình thức</th>
            <th scope="col">Đơn vị</th>
            {withStatus && <th scope="col">Trạng thái</th>}
            <th scope="col">Cấp</th>
            <th scope="col">Hạn xử lý</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id} className={n.overdue ? 'overdue' : undefined}>
              <th scope="row">
                <Link to={`/ho-so/${n.id}`}>{nomineeName(n.nominee)}</Link>
              </th>
              <td>{awardName(n.awardCode)}</td>
              <td>{n.unitName}</td>
              {withStatus && <td>{nameOf(STATUS_NAMES, n.status)}</td>}
              <td>{nameOf(LEVEL_NAMES, n.currentLevel)}</td>
              <td>
                {formatDate(n.dueAt)}
                {n.overdue && <strong className="badge danger"> Quá hạn</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
