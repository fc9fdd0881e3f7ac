import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/**
 * The page's two live regions (UI.md): successes in role="status", failures in role="alert".
 * Both stay in the DOM, so screen readers announce what is written into them.
 */
interface Announce {
  status: string;
  alert: string;
  success: (text: string) => void;
  failure: (text: string) => void;
  clear: () => void;
}

const AnnounceContext = createContext<Announce>({ status: '', alert: '', success: () => undefined, failure: () => undefined, clear: () => undefined });

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');
  const success = useCallback((text: string) => {
    setAlert('');
    setStatus(text);
  }, []);
  const failure = useCallback((text: string) => {
    setStatus('');
    setAlert(text);
  }, []);
  const clear = useCallback(() => {
    setStatus('');
    setAlert('');
  }, []);
  return <AnnounceContext.Provider value={{ status, alert, success, failure, clear }}>{children}</AnnounceContext.Provider>;
}

export function Announcements() {
  const { status, alert } = useContext(AnnounceContext);
  return (
    <div className="announcements">
      <p role="status" className={status ? 'notice success' : 'notice'}>
        {status}
      </p>
      <p role="alert" className={alert ? 'notice failure' : 'notice'}>
        {alert}
      </p>
    </div>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
