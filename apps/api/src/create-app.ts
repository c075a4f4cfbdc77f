import 'reflect-metadata';
import cookieParser from 'cookie-parser';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { PlanCycleConfig } from '@plancycle/config';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { jsonBody } from './common/json-body';
import { noStore, securityHeaders } from './common/security-headers';
import { WebExceptionFilter } from './web/session/web-exception.filter';
import { WEB_PATHS, webForms, webPageHeaders, webUploads } from './web/web-http';
import { createValidationPipe } from './common/validation.pipe';

/** The HTTP app, configured but not listening: main.ts listens, tests use it in-process. */
export async function createApp(config: PlanCycleConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: options.logger ?? ['log', 'warn', 'error'], bodyParser: false });
  if (config.api.trustProxy !== undefined) app.set('trust proxy', config.api.trustProxy);
  app.use(securityHeaders({ https: config.api.publicUrl.startsWith('https:') }));
  app.use('/api', noStore());
  app.use(cookieParser());
  app.use('/app', webPageHeaders(), webForms(), webUploads());
  app.use(...jsonBody());
  // The API lives under /api; the web app's pages under /app and the front door at / stay outside it.
  app.setGlobalPrefix('api', { exclude: WEB_PATHS });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter({ pathPrefix: '/app', filter: new WebExceptionFilter() }));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PlanCycle API')
      .setDescription('Chu kỳ kế hoạch thông tin đối ngoại: bắt đầu chu kỳ, theo dõi đơn vị, đăng nhập.')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
