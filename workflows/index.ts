// Every workflow the worker hosts; the worker bundles this file.
export { taskLifecycleWorkflow } from './task-lifecycle.workflow';
