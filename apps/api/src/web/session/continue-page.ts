import { Response } from 'express';
import { html } from '../layout/html';
import { renderPage } from '../layout/page-layout';

/**
 * A page that moves on to `target` by itself (the Refresh header), with a link should it not.
 * Used where a redirect will not do: after the provider's redirect the navigation counts as
 * cross-site, so a further redirect would arrive without the SameSite=Strict session cookies just
 * set; and a form post (退出) may not be redirected to another site under the CSP's form-action.
 */
export function sendContinuePage(res: Response, title: string, target: string): void {
  res.setHeader('Refresh', `0;url=${target}`);
  res.type('html').send(
    renderPage({
      title,
      active: 'none',
      user: null,
      body: html`<p class="card" role="status">${title}… <a href="${target}" id="continue">继续</a></p>`,
    }),
  );
}
