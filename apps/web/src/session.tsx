import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setToken, unwrap, whenUnauthenticated } from './api/client';
import { endSession, onAccessToken, resumeSession, SignInFailure } from './api/oidc';
import type { DevUser, Me } from './api/models';
import { useAnnounce } from './components/Announcer';
import { ApiFailure, errorMessage } from './lib/errors';
import { useRouter } from './lib/router';

interface Session {
  me: Me | null;
  /** The session is being resumed or the provider's answer exchanged: the sign-in page says so. */
  returning: boolean;
  signIn: (username: string) => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session>({ me: null, returning: false, signIn: async () => undefined, signOut: () => undefined });

/** How this deployment signs users in (dev user picker, or the OpenID Connect provider). */
export const useSignInSettings = () => useQuery({ queryKey: ['sign-in'], queryFn: () => unwrap(api.GET('/api/auth/sign-in')), staleTime: Infinity });

/** The provider signed someone in whom the API does not know (401), or the exchange itself failed. */
function signInFailureMessage(error: unknown): string {
  if (error instanceof SignInFailure) return `Đăng nhập không thành công (${error.message}), vui lòng thử lại.`;
  if (error instanceof ApiFailure && error.status === 401)
    return 'Tài khoản vừa đăng nhập không có trong hệ thống thi đua - khen thưởng; hãy liên hệ quản trị.';
  return errorMessage(error);
}

/**
 * Dev mode's token stays with this tab (sessionStorage): a reload keeps the user, another tab signs in on
 * its own, and nothing is left once the tab closes. Never localStorage, which every tab and every later
 * visit would share.
 */
const DEV_TOKEN = 'tdkt.dev-token';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [returning, setReturning] = useState(true);
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { failure } = useAnnounce();
  const settings = useSignInSettings();
  const oidc = settings.data?.oidc;
  const signOut = useCallback(() => {
    setToken(null);
    setMe(null);
    sessionStorage.removeItem(DEV_TOKEN);
    if (oidc) void endSession(oidc);
    // Nothing one user saw may show to the next one on this screen.
    queryClient.clear();
  }, [queryClient, oidc]);
  useEffect(() => whenUnauthenticated(signOut), [signOut]);
  useEffect(() => {
    if (settings.isError) setReturning(false);
    if (!settings.data) return;
    if (!oidc) {
      const token = sessionStorage.getItem(DEV_TOKEN);
      if (!token) return setReturning(false);
      setToken(token);
      unwrap(api.GET('/api/auth/me'))
        .then(setMe)
        .catch(() => sessionStorage.removeItem(DEV_TOKEN))
        .finally(() => setReturning(false));
      return;
    }
    const renewals = onAccessToken(oidc, setToken);
    // Back from the provider, the address names the page the user started from again; the router follows.
    const followAddress = () => navigate(window.location.pathname + window.location.search, { replace: true });
    // StrictMode runs this effect twice over the one resumed session: only the live run reports.
    let live = true;
    resumeSession(oidc)
      .then(async (token) => {
        if (!live) return;
        if (token) {
          setToken(token);
          setMe(await unwrap(api.GET('/api/auth/me')));
        }
        followAddress();
      })
      .catch((error: unknown) => {
        if (!live) return;
        setToken(null);
        void endSession(oidc);
        followAddress();
        failure(signInFailureMessage(error));
      })
      .finally(() => live && setReturning(false));
    return () => {
      live = false;
      renewals();
    };
  }, [settings.data, settings.isError]);
  const signIn = useCallback(async (username: string) => {
    const { token } = await unwrap(api.POST('/api/auth/dev-token', { body: { username } }));
    setToken(token);
    setMe(await unwrap(api.GET('/api/auth/me')));
    sessionStorage.setItem(DEV_TOKEN, token);
  }, []);
  return <SessionContext.Provider value={{ me, returning, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** The signed-in user; only pages behind the sign-in call it. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

/** Dev mode's seeded users (404 outside dev mode), also used to show a reviewer's display name. */
export function useDevUsers() {
  return useQuery({
    queryKey: ['dev-users'],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/auth/dev-users');
      return response.ok ? (data as unknown as DevUser[]) : null;
    },
    staleTime: Infinity,
  });
}

/** A username as people read it: the display name when the app knows it. */
export function useDisplayName(): (username: string | null | undefined) => string {
  const users = useDevUsers().data;
  const me = useSession().me;
  return (username) => {
    if (!username) return '—';
    if (me?.username === username) return me.displayName;
    return users?.find((u) => u.username === username)?.displayName ?? username;
  };
}
