import { applyDecorators, Header, SetMetadata } from '@nestjs/common';

/** Metadata of a handler that answers with one of our HTML pages (read by the unread count). */
export const RENDERS_PAGE = 'duban:renders-page';

/** A handler that answers with one of our HTML pages, never cached: its nav shows the unread count. */
export const HtmlPage = () =>
  applyDecorators(
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
    SetMetadata(RENDERS_PAGE, true),
  );

/** A form POST that may answer with its page again (a refused form), so its nav counts too. */
export const MayRenderPage = () => SetMetadata(RENDERS_PAGE, true);
