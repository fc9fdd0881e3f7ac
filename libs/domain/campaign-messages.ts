/** The campaign workflow's contract, shared by the API, the worker and the tests. */
export const campaignWorkflowId = (code: string) => `campaign-${code}`;

export interface CampaignWorkflowInput {
  campaignId: string;
  code: string;
  /** How long before closing the units that have not submitted are reminded. */
  remindBeforeCloseMs: number;
  /** How often, once closed, the campaign checks whether all its nominations are final. */
  pollIntervalMs: number;
}
