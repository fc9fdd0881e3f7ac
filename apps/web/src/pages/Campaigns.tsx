import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, download, unwrap } from '../api/client';
import { useAwards } from '../api/queries';
import type { paths } from '../api/schema';
import type { Campaign as CampaignInfo } from '../api/models';
import { useAnnounce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { errorMessage } from '../lib/errors';
import { CAMPAIGN_STATUS_NAMES, LEVEL_NAMES, STATUS_NAMES, formatDate, nameOf } from '../lib/format';
import { Link } from '../lib/router';
import { useMe } from '../session';

type CampaignBody = paths['/api/campaigns']['post']['requestBody']['content']['application/json'];

const total = (c: CampaignInfo) => Object.values(c.counts?.byStatus ?? {}).reduce((a, b) => a + b, 0);

export function Campaigns() {
  const me = useMe();
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: async () => (await unwrap(api.GET('/api/campaigns'))).items });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <h1>Đợt thi đua</h1>
      {me.role === 'ADMIN' && (
        <p>
          <button type="button" onClick={() => setCreating(true)}>
            Tạo đợt thi đua
          </button>
        </p>
      )}
      {campaigns.isPending && <p>Đang tải…</p>}
      {campaigns.isError && <p className="error-text">{errorMessage(campaigns.error)}</p>}
      {campaigns.data && campaigns.data.length === 0 && <p>Chưa có đợt thi đua nào.</p>}
      {campaigns.data && campaigns.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Các đợt thi đua</caption>
            <thead>
              <tr>
                <th scope="col">Tên đợt</th>
                <th scope="col">Năm</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thời gian nhận hồ sơ</th>
                <th scope="col">Số hồ sơ</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/dot-thi-dua/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{c.year}</td>
                  <td>{nameOf(CAMPAIGN_STATUS_NAMES, c.status)}</td>
                  <td>
                    {formatDate(c.opensAt)} – {formatDate(c.closesAt)}
                  </td>
                  <td>{total(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateCampaign onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateCampaign({ onClose }: { onClose: () => void }) {
  const awards = useAwards().data ?? [];
  const queryClient = useQueryClient();
  const { success, failure } = useAnnounce();
  const year = new Date().getFullYear();
  const [code, setCode] = useState(`REGULAR-${year}`);
  const [name, setName] = useState(`Đợt thi đua thường xuyên năm ${year}`);
  const [kind, setKind] = useState<'REGULAR' | 'THEMED'>('REGULAR');
  const [opens, setOpens] = useState(new Date().toISOString().slice(0, 10));
  const [closes, setCloses] = useState(`${year}-12-31`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    if (!event.currentTarget.reportValidity()) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/campaigns', {
          body: {
            code,
            name,
            year: Number(opens.slice(0, 4)),
            kind,
            awardCodes: (chosen.length ? chosen : awards.map((a) => a.code)) as CampaignBody['awardCodes'],
            opensAt: new Date(`${opens}T00:00:00+07:00`).toISOString(),
            closesAt: new Date(`${closes}T23:59:00+07:00`).toISOString(),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      onClose();
      success(`Đã tạo đợt thi đua ${name}.`);
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Tạo đợt thi đua" open onClose={onClose} onSubmit={submit} busy={busy}>
      <p>
        <label htmlFor="c-code">Mã đợt</label>
        <input id="c-code" value={code} onChange={(e) => setCode(e.target.value)} required pattern="[A-Z0-9][A-Z0-9-]{1,49}" />
      </p>
      <p>
        <label htmlFor="c-name">Tên đợt</label>
        <input id="c-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </p>
      <p>
        <label htmlFor="c-kind">Loại</label>
        <select id="c-kind" value={kind} onChange={(e) => setKind(e.target.value as 'REGULAR')}>
          <option value="REGULAR">Thường xuyên</option>
          <option value="THEMED">Theo chuyên đề</option>
        </select>
      </p>
      <p>
        <label htmlFor="c-opens">Ngày mở</label>
        <input id="c-opens" type="date" value={opens} onChange={(e) => setOpens(e.target.value)} required />
      </p>
      <p>
        <label htmlFor="c-closes">Ngày đóng</label>
        <input id="c-closes" type="date" value={closes} onChange={(e) => setCloses(e.target.value)} required />
      </p>
      <fieldset>
        <legend>Danh hiệu được nhận (bỏ trống: tất cả)</legend>
        {awards.map((a) => (
          <label key={a.code} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(a.code)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, a.code] : chosen.filter((c) => c !== a.code))}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

export function Campaign({ id }: { id: string }) {
  const campaign = useQuery({ queryKey: ['campaign', id], queryFn: () => unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } })) });
  const { failure } = useAnnounce();
  const get = (suffix: string, name: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    download(`/api/campaigns/${id}/${suffix}`, name).catch((error: unknown) => failure(errorMessage(error)));
  };
  if (campaign.isPending) return <p>Đang tải…</p>;
  if (campaign.isError)
    return (
      <>
        <h1>Đợt thi đua</h1>
        <p className="error-text">{errorMessage(campaign.error)}</p>
      </>
    );
  const c = campaign.data;
  return (
    <>
      <h1>{c.name}</h1>
      <dl className="facts">
        <dt>Mã</dt>
        <dd>{c.code}</dd>
        <dt>Trạng thái</dt>
        <dd>{nameOf(CAMPAIGN_STATUS_NAMES, c.status)}</dd>
        <dt>Nhận hồ sơ</dt>
        <dd>
          {formatDate(c.opensAt)} – {formatDate(c.closesAt)}
        </dd>
      </dl>
      <h2>Số hồ sơ theo trạng thái</h2>
      <ul>
        {Object.entries(c.counts?.byStatus ?? {}).map(([status, count]) => (
          <li key={status}>
            {nameOf(STATUS_NAMES, status)}: {count}
          </li>
        ))}
      </ul>
      <h2>Đang xét ở các cấp</h2>
      <ul>
        {Object.entries(c.counts?.byLevel ?? {}).map(([level, count]) => (
          <li key={level}>
            {nameOf(LEVEL_NAMES, level)}: {count}
          </li>
        ))}
      </ul>
      <p className="actions">
        <a href={`/api/campaigns/${id}/result.csv`} onClick={get('result.csv', `ket-qua-${c.code}.csv`)}>
          Tải kết quả (CSV)
        </a>
        <a href={`/api/campaigns/${id}/result.pdf`} onClick={get('result.pdf', `du-thao-quyet-dinh-${c.code}.pdf`)}>
          Tải dự thảo quyết định (PDF)
        </a>
      </p>
      <IssuedDecisions campaignId={id} />
    </>
  );
}

/** The award decisions issued from the campaign's result, each with its signed document. */
function IssuedDecisions({ campaignId }: { campaignId: string }) {
  const result = useQuery({
    queryKey: ['campaign-result', campaignId],
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/result', { params: { path: { id: campaignId } } })),
  });
  const { failure } = useAnnounce();
  const decisions = result.data?.awardDecisions ?? [];
  if (decisions.length === 0) return null;
  const get = (decisionId: string, number: string | null) => (event: React.MouseEvent) => {
    event.preventDefault();
    download(`/api/award-decisions/${decisionId}/document.pdf`, `quyet-dinh-${number ?? decisionId}.pdf`).catch((error: unknown) =>
      failure(errorMessage(error)),
    );
  };
  return (
    <>
      <h2>Quyết định khen thưởng đã ban hành</h2>
      <ul>
        {decisions.map((d) => (
          <li key={d.id}>
            <a href={`/api/award-decisions/${d.id}/document.pdf`} onClick={get(d.id, d.number)}>
              Quyết định số {d.number}
            </a>{' '}
            ({d.awardees} người, tập thể{d.status === 'REVOKED' ? '; đã thu hồi' : ''})
          </li>
        ))}
      </ul>
    </>
  );
}
