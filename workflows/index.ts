// Every workflow the worker hosts; the worker bundles this file.
export { taskLifecycleWorkflow } from './task-lifecycle.workflow';
export { indicatorReportingWorkflow } from './indicator-reporting.workflow';
export { weeklyBulletinWorkflow } from './weekly-bulletin.workflow';
