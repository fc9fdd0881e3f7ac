import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { components, paths } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Field } from '../components/Field';
import { ApiFailure, errorMessage } from '../lib/errors';
import { nameOf, ROLE_NAMES } from '../lib/format';

type Organisation = components['schemas']['Organisation'];
type Org = Organisation['orgs'][number];
type User = Organisation['users'][number];
/** What an admin's file holds: the body of PUT /api/admin/organisation, checked by the API, not here. */
type OrganisationDocument = paths['/api/admin/organisation']['put']['requestBody']['content']['application/json'];

const KIND_NAMES: Record<string, string> = {
  CITY: 'Thành phố',
  SO: 'Sở',
  DEPARTMENT: 'Phòng',
  UNIT: 'Đơn vị',
  ENTERPRISE: 'Doanh nghiệp',
  AGENCY: 'Cơ quan hiệp y',
};
const SEAT_NAMES: Record<string, string> = { CHAIR: 'chủ tịch hội đồng', MEMBER: 'thành viên hội đồng' };

/** The organisation and its people as the last import left them, and the import of the next document. */
export function OrganisationPage() {
  const organisation = useQuery({ queryKey: ['organisation'], queryFn: () => unwrap(api.GET('/api/admin/organisation')) });
  return (
    <>
      <h1>Tổ chức và người dùng</h1>
      <Import />
      <section aria-labelledby="tree-title">
        <h2 id="tree-title">Sơ đồ tổ chức</h2>
        {organisation.isPending && <p>Đang tải…</p>}
        {organisation.isError && <p className="error-text">{errorMessage(organisation.error)}</p>}
        {organisation.data && <Tree organisation={organisation.data} />}
      </section>
    </>
  );
}

function Tree({ organisation }: { organisation: Organisation }) {
  const children = (code: string | null) => organisation.orgs.filter((o) => o.parentCode === code);
  const usersOf = (code: string) => organisation.users.filter((u) => u.orgCode === code);
  const branch = (org: Org) => (
    <li key={org.code}>
      {org.name} <small>({org.code})</small> — {nameOf(KIND_NAMES, org.kind)}
      {!org.active && ' — ngừng hoạt động'}
      <People users={usersOf(org.code)} />
      {children(org.code).length > 0 && <ul>{children(org.code).map(branch)}</ul>}
    </li>
  );
  return <ul>{children(null).map(branch)}</ul>;
}

function People({ users }: { users: User[] }) {
  if (users.length === 0) return null;
  return (
    <ul>
      {users.map((u) => (
        <li key={u.username}>
          {u.displayName} <small>({u.username})</small>: {nameOf(ROLE_NAMES, u.role)}
          {u.councilSeat && `, ${SEAT_NAMES[u.councilSeat]}`}
          {!u.active && ' — ngừng hoạt động'}
        </li>
      ))}
    </ul>
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
    if (!file) return failure('Chọn tệp tổ chức (JSON) cần nhập.');
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return failure('Tệp không phải JSON hợp lệ.');
    }
    setBusy(true);
    try {
      const imported = await unwrap(api.PUT('/api/admin/organisation', { body: document as OrganisationDocument }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['organisation'] }), queryClient.invalidateQueries({ queryKey: ['org-units'] })]);
      const gone = [...imported.deactivated.orgs, ...imported.deactivated.users];
      success(`Đã nhập ${imported.orgs} tổ chức và ${imported.users} người dùng.${gone.length > 0 ? ` Ngừng hoạt động: ${gone.join(', ')}.` : ''}`);
    } catch (error) {
      failure(errorMessage(error));
      if (error instanceof ApiFailure) setProblems(error.body?.error?.details ?? []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="org-import-title" className="stack">
      <h2 id="org-import-title">Nhập tổ chức</h2>
      <form onSubmit={submit} noValidate>
        <Field
          id="org-file"
          label="Nhập tệp tổ chức"
          hint="Tệp JSON gồm toàn bộ tổ chức và người dùng; ai không có trong tệp sẽ ngừng hoạt động. Tệp có lỗi thì không có gì được nhập."
        >
          {(props) => <input {...props} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />}
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
            <li key={i}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
