import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';

/**
 * The landing page until the dashboard pages arrive (issue 6): what this system is and where its
 * API, documentation and health check are, in Chinese first.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(): string {
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>督办台账</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#222}a{color:#0a58ca}code{background:#f3f3f3;padding:0 .3em}</style>
</head><body>
<h1>督办台账 · 工作要点督办系统</h1>
<p>把年度工作要点转为督办任务：每项任务一个持久化流程，按工作日计算期限，自动催办、逐级督办，阶段成果由股长审批、督查室销号。</p>
<ul>
<li><a href="/api/docs">接口文档（OpenAPI）</a></li>
<li><a href="/health">健康检查</a></li>
</ul>
<p>督办总览、台账、待办等页面正在建设中；目前可通过接口使用（先 <code>POST /auth/login</code> 登录）。</p>
</body></html>`;
  }
}
