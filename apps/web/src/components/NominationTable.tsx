import { useAwardName } from '../api/queries';
import type { Nomination } from '../api/models';
import { LEVEL_NAMES, STATUS_NAMES, formatDate, nameOf, nomineeName } from '../lib/format';
import { Link } from '../lib/router';

/** Rows the user ticks for a batch (the inbox): a checkbox per row and one for the whole page. */
export interface RowSelection {
  selected: { has: (id: string) => boolean };
  toggle: (n: Nomination) => void;
  toggleAll: () => void;
  disabled?: boolean;
}

/** One row per nomination; `withStatus` for the unit's and the admin's lists, the inbox shows the due date instead. */
export function NominationTable({
  items,
  caption,
  withStatus,
  selection,
}: {
  items: Nomination[];
  caption: string;
  withStatus?: boolean;
  selection?: RowSelection;
}) {
  const awardName = useAwardName();
  if (items.length === 0) return <p>Không có hồ sơ nào.</p>;
  const allSelected = !!selection && items.every((n) => selection.selected.has(n.id));
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {selection && (
              <th scope="col">
                <label className="select-all">
                  <input type="checkbox" checked={allSelected} disabled={selection.disabled} onChange={selection.toggleAll} /> Chọn tất cả
                </label>
              </th>
            )}
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
              {selection && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Chọn ${nomineeName(n.nominee)}`}
                    checked={selection.selected.has(n.id)}
                    disabled={selection.disabled}
                    onChange={() => selection.toggle(n)}
                  />
                </td>
              )}
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
