import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { SafeHtml } from '../layout/html';
import { pageFor } from '../pages/page-context';

/** Every 系统管理 page: one title, the 管理 entry of the nav lit. */
export function adminPage(req: AuthenticatedRequest, body: SafeHtml): string {
  return pageFor(req, { title: '系统管理', active: 'admin', body });
}
