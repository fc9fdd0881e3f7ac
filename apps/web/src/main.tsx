import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AnnouncerProvider } from './components/Announcer';
import { Router } from './lib/router';
import { SessionProvider } from './session';
import './styles.css';

// A 4xx is an answer, not a network hiccup: retrying it would only repeat the refusal.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500), refetchOnWindowFocus: true } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <Router>
          <SessionProvider>
            <App />
          </SessionProvider>
        </Router>
      </AnnouncerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
