import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { renderPage, PageOptions } from '../layout/page-layout';
import { sessionCookies } from '../session/web-session';
import { unreadOf } from './unread-count.interceptor';

/** Renders a page for the signed-in user of `req`, with the CSRF token every form needs. */
export function pageFor(req: AuthenticatedRequest, opts: Omit<PageOptions, 'user' | 'csrfToken' | 'unread'>): string {
  return renderPage({ ...opts, user: req.user, csrfToken: sessionCookies(req).csrf, unread: unreadOf(req) });
}

export function csrfOf(req: AuthenticatedRequest): string {
  return sessionCookies(req).csrf ?? '';
}

/** A query-string value as one trimmed string ('' when absent or repeated oddly). */
export function queryText(value: unknown): string {
  if (Array.isArray(value)) return queryText(value[0]);
  return typeof value === 'string' ? value.trim() : '';
}

/** A posted form field as one trimmed string ('' when absent or not text). */
export function formText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A posted field that may repeat (checkboxes): its non-empty trimmed values. */
export function formList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(formText).filter(Boolean);
}
