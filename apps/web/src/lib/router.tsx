import { useAnnounce } from '../components/Announcer';
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** A few pages need no router library: the History API and one context. */
const RouterContext = createContext<{ path: string; navigate: (to: string, options?: { replace?: boolean }) => void }>({
  path: '/',
  navigate: () => undefined,
});

export function Router({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname + window.location.search);
  // An outcome belongs to the page it happened on; one announced right after navigating stays.
  const { clear } = useAnnounce();
  useEffect(() => {
    const onPop = () => {
      clear();
      setPath(window.location.pathname + window.location.search);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [clear]);
  const navigate = (to: string, { replace = false } = {}) => {
    clear();
    if (replace) window.history.replaceState(null, '', to);
    else if (to !== window.location.pathname + window.location.search) window.history.pushState(null, '', to);
    setPath(to);
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ path, navigate }}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

/** `pattern` like /ho-so/:id; the params if `path` (without its query) matches. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('?')[0]!.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(':')) params[want[i]!.slice(1)] = decodeURIComponent(have[i]!);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
