import type { AppConfig } from '../../../libs/config/config';

/** A workflow's page in the Temporal Web UI, for the links the API hands out. */
export function temporalUiUrl(config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>, workflowId: string): string {
  const base = config.TEMPORAL_UI_URL.replace(/\/$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}
