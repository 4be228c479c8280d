import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';

/**
 * `/` opens the web pages: the overview (督办总览), which sends a visitor without a session to the
 * login page. The API documentation (/api/docs) and health check (/health) are linked in every
 * page's footer.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Public()
  @Get()
  @Redirect('/ui/overview', 302)
  home(): void {}
}
