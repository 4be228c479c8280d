import { INestApplication, LoggerService, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from './app.module';
import { bodyParsers } from './common/body-parsers';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { SafeInputGuard, SafeInputPipe } from './common/safe-input';

/**
 * Security headers of every response. The pages run no inline script (their scripts are files
 * under /ui/assets; data rides in non-executable JSON script tags), so scripts are 'self' only;
 * inline styles stay allowed for the one stylesheet in each page and ECharts' SVG. No framing.
 */
const SECURITY_HEADERS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
};

/**
 * Builds the configured HTTP app with the process logger (main.ts); the end-to-end tests use
 * configureApiApp on a testing module instead. In JSON mode every request is logged too.
 */
export async function createApiApp(log?: {
  nest: LoggerService;
  pino: Logger;
  requests: boolean;
}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: log?.nest, bodyParser: false });
  if (log?.requests) {
    app.use(pinoHttp({ logger: log.pino, autoLogging: { ignore: (req) => req.url === '/health' } }));
  }
  configureApiApp(app);
  await app.init();
  return app;
}

export function configureApiApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  for (const parser of bodyParsers()) express.use(parser);
  express.disable('x-powered-by');
  app.use(helmet(SECURITY_HEADERS));
  // Before the authentication guards (registered later, at init): unstorable text never gets further.
  app.useGlobalGuards(new SafeInputGuard());
  app.useGlobalPipes(
    new SafeInputPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('督办台账 API')
    .setDescription('Durable supervision of government work plans: plans, tasks, sign-offs, escalations.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
