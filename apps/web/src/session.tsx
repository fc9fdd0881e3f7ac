import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setToken, unwrap, whenUnauthenticated } from './api/client';
import { finishSignIn, SignInFailure } from './api/oidc';
import type { DevUser, Me } from './api/models';
import { useAnnounce } from './components/Announcer';
import { ApiFailure, errorMessage } from './lib/errors';
import { useRouter } from './lib/router';

interface Session {
  me: Me | null;
  /** Back from the identity provider, the code is being exchanged: the sign-in page says so. */
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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [returning, setReturning] = useState(false);
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { failure } = useAnnounce();
  const oidc = useSignInSettings().data?.oidc;
  const signOut = useCallback(() => {
    setToken(null);
    setMe(null);
    // Nothing one user saw may show to the next one on this screen.
    queryClient.clear();
  }, [queryClient]);
  useEffect(() => whenUnauthenticated(signOut), [signOut]);
  useEffect(() => {
    if (!oidc) return;
    // finishSignIn takes the code out of the address bar before its first await: a second run finds none.
    const back = finishSignIn(oidc);
    setReturning(true);
    back
      .then(async (result) => {
        if (!result) return;
        setToken(result.token);
        setMe(await unwrap(api.GET('/api/auth/me')));
        navigate(result.returnTo, { replace: true });
      })
      .catch((error: unknown) => {
        setToken(null);
        failure(signInFailureMessage(error));
      })
      .finally(() => setReturning(false));
  }, [oidc]);
  const signIn = useCallback(async (username: string) => {
    const { token } = await unwrap(api.POST('/api/auth/dev-token', { body: { username } }));
    setToken(token);
    setMe(await unwrap(api.GET('/api/auth/me')));
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
