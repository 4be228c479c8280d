/**
 * The path of a task's page (/ui/tasks/<plan>/<code>), shared by the web pages and the links in
 * notifications. A problem's code holds slashes (`T3/problem/P1`), so it travels as one segment.
 */
export function taskPagePath(taskId: string): string {
  const [planId, ...code] = taskId.split('/');
  return `/ui/tasks/${encodeURIComponent(planId)}/${encodeURIComponent(code.join('/'))}`;
}
