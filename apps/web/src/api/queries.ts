import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAwards, fetchDocumentTypes } from './catalogue';
import { api, unwrap } from './client';
import type { components } from './schema';

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
    queryFn: () => unwrap(api.GET('/api/notifications')),
    refetchInterval: LIVE_INTERVAL_MS,
  });

export const useNomination = (id: string) =>
  useQuery({
    queryKey: ['nomination', id],
    queryFn: () => unwrap(api.GET('/api/nominations/{id}', { params: { path: { id } } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });

export const newRequestId = () => crypto.randomUUID();

type OrgUnit = components['schemas']['OrgUnit'];

/** The organisation's units (the leaves nominations come from), in tree order. */
export const useUnits = () =>
  useQuery({
    queryKey: ['org-units'],
    queryFn: async () => {
      const { items } = await unwrap(api.GET('/api/org/units'));
      const units: { code: string; name: string }[] = [];
      const walk = (nodes: OrgUnit[]) =>
        nodes.forEach((node) => {
          if (node.kind === 'UNIT' || node.kind === 'ENTERPRISE') units.push({ code: node.code, name: node.name });
          walk(node.children);
        });
      walk(items);
      return units;
    },
    staleTime: 10 * 60_000,
  });

/** The inbox's filters (API.md "Review in batches"); an empty one leaves that filter out. */
export interface InboxFilter {
  awardCode?: string;
  unitCode?: string;
  overdue?: boolean;
  q?: string;
}

/** What waits for the caller, earliest due first; the queries of its pages share the 'inbox' key's prefix. */
export const useInbox = (page: number, pageSize: number, enabled = true, filter: InboxFilter = {}) =>
  useQuery({
    queryKey: ['inbox', page, pageSize, filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/inbox', {
          params: {
            query: {
              page,
              pageSize,
              ...(filter.awardCode && { awardCode: filter.awardCode }),
              ...(filter.unitCode && { unitCode: filter.unitCode }),
              ...(filter.overdue && { overdue: 'true' as const }),
              ...(filter.q?.trim() && { q: filter.q.trim() }),
            },
          },
        }),
      ),
    refetchInterval: LIVE_INTERVAL_MS,
    placeholderData: keepPreviousData,
    enabled,
  });
