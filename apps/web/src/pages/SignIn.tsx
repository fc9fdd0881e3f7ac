import { useState, type FormEvent } from 'react';
import { startSignIn } from '../api/oidc';
import { Announcements, useAnnounce } from '../components/Announcer';
import { errorMessage } from '../lib/errors';
import { ROLE_NAMES } from '../lib/format';
import { useDevUsers, useSession, useSignInSettings } from '../session';

export function SignIn() {
  const { signIn, returning } = useSession();
  const settings = useSignInSettings();
  const users = useDevUsers();
  const { failure } = useAnnounce();
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const devMode = settings.data?.mode === 'dev';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!devMode) {
      const oidc = settings.data?.oidc;
      if (!oidc) return failure('Đăng nhập qua nhà cung cấp định danh (OpenID Connect) chưa được cấu hình cho ứng dụng này.');
      setBusy(true);
      // On success the browser leaves for the provider; busy stays until then.
      return startSignIn(oidc).catch(() => {
        setBusy(false);
        failure('Không kết nối được với nhà cung cấp định danh, vui lòng thử lại.');
      });
    }
    const chosen = username || users.data?.[0]?.username;
    if (!chosen) return;
    setBusy(true);
    try {
      await signIn(chosen);
    } catch (error) {
      failure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>Thi đua - Khen thưởng</h1>
      <p>Sở Công Thương Hà Nội — hệ thống xét duyệt hồ sơ đề nghị khen thưởng.</p>
      <Announcements />
      <form onSubmit={submit}>
        {devMode && (
          <p>
            <label htmlFor="account">Tài khoản</label>
            <select id="account" value={username} onChange={(e) => setUsername(e.target.value)} disabled={users.isPending}>
              {(users.data ?? []).map((u) => (
                <option key={u.username} value={u.username}>
                  {u.username} — {u.displayName} ({ROLE_NAMES[u.role] ?? u.role})
                </option>
              ))}
            </select>
          </p>
        )}
        {returning && <p>Đang đăng nhập…</p>}
        <button type="submit" disabled={busy || returning || settings.isPending || (devMode && users.isPending)}>
          Đăng nhập
        </button>
      </form>
    </main>
  );
}
