import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setToken, unwrap, whenUnauthenticated } from './api/client';
import type { DevUser, Me } from './api/types';

interface Session {
  me: Me | null;
  signIn: (username: string) => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session>({ me: null, signIn: async () => undefined, signOut: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const queryClient = useQueryClient();
  const signOut = useCallback(() => {
    setToken(null);
    setMe(null);
    // Nothing one user saw may show to the next one on this screen.
    queryClient.clear();
  }, [queryClient]);
  useEffect(() => whenUnauthenticated(signOut), [signOut]);
  const signIn = useCallback(async (username: string) => {
    const { token } = await unwrap<{ token: string }>(api.POST('/api/auth/dev-token', { body: { username } }));
    setToken(token);
    setMe(await unwrap<Me>(api.GET('/api/auth/me')));
  }, []);
  return <SessionContext.Provider value={{ me, signIn, signOut }}>{children}</SessionContext.Provider>;
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
