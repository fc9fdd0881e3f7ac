import { useQuery } from '@tanstack/react-query';
import { fetchAwards, fetchDocumentTypes } from './catalogue';
import { api, unwrap } from './client';
import type { Nomination, Notification } from './types';

/** Within the 10 s UI.md allows for a decision made elsewhere to show. */
export const LIVE_INTERVAL_MS = 5_000;

export const useAwards = () => useQuery({ queryKey: ['awards'], queryFn: fetchAwards, staleTime: 10 * 60_000 });
export const useDocumentTypes = () => useQuery({ queryKey: ['document-types'], queryFn: fetchDocumentTypes, staleTime: 10 * 60_000 });

export function useAwardName(): (code: string) => string {
  const awards = useAwards().data;
  return (code) => awards?.find((a) => a.code === code)?.name ?? code;
}

export function useDocumentTypeName(): (code: string) => string {
  const types = useDocumentTypes().data;
  return (code) => types?.find((t) => t.code === code)?.name ?? code;
}

export const useNotifications = () =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap<{ items: Notification[] }>(api.GET('/api/notifications')),
    refetchInterval: LIVE_INTERVAL_MS,
  });

export const useNomination = (id: string) =>
  useQuery({
    queryKey: ['nomination', id],
    queryFn: () => unwrap<Nomination>(api.GET('/api/nominations/{id}', { params: { path: { id } } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });

export const newRequestId = () => crypto.randomUUID();
