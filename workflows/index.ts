export { campaignLauncherWorkflow } from './campaign-launcher.workflow';
export { campaignWorkflow } from './campaign.workflow';
export { nominationWorkflow } from './nomination.workflow';
export { bulkDeadlineWorkflow } from './bulk-deadline.workflow';
