import { sleep } from '@temporalio/workflow';

/**
 * A "new version" of the task workflow that changed its commands without a patch (it sleeps
 * before anything else): replaying a recorded history against it must fail. Test-only.
 */
export async function taskLifecycleWorkflow(): Promise<void> {
  await sleep('1 day');
}
