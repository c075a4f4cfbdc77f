import { Body, Controller, Get, HttpStatus, Inject, Logger, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, type AuthenticatedUser } from '../auth/authenticated-user';
import { ApiException } from '../common/api-exception';
import { ActionLinkRefused } from './action-link-refused';
import { confirmPage, donePage, refusedPage } from './action-link-pages';
import { ActionLinksService } from './action-links.service';

/**
 * The pages behind the links in task emails (HTML, not JSON: they open in a mail reader's browser).
 * The token in the path is the credential, so the pages are public; they must never leak it onward.
 */
@ApiExcludeController()
@Public()
@Controller('actions/:token')
export class ActionLinksController {
  private readonly logger = new Logger(ActionLinksController.name);

  constructor(@Inject(ActionLinksService) private readonly links: ActionLinksService) {}

  /** Shows what the link would decide. A mail scanner fetching it changes nothing. */
  @Get()
  async open(@Param('token') token: string, @CurrentUser() session: AuthenticatedUser | undefined, @Res() response: Response): Promise<void> {
    try {
      send(response, HttpStatus.OK, confirmPage(await this.links.inspect(token, session)));
    } catch (error) {
      this.refuse(response, error);
    }
  }

  @Post()
  async decide(
    @Param('token') token: string,
    @Body() form: { comments?: unknown },
    @CurrentUser() session: AuthenticatedUser | undefined,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { view, result } = await this.links.decide(token, form ?? {}, session);
      send(response, HttpStatus.OK, donePage(view, result));
    } catch (error) {
      // A missing reason is fixed on the same form, with what was typed kept.
      if (error instanceof ActionLinkRefused && error.status === HttpStatus.BAD_REQUEST && error.code.startsWith('LINK_COMMENTS')) {
        const view = await this.links.inspect(token, session).catch(() => null);
        if (view) return send(response, error.status, confirmPage(view, { comments: typeof form?.comments === 'string' ? form.comments : '', error: error.message }));
      }
      this.refuse(response, error);
    }
  }

  private refuse(response: Response, error: unknown): void {
    if (error instanceof ActionLinkRefused) return send(response, error.status, refusedPage(error, this.links.webUrl()));
    if (error instanceof ApiException) {
      const body = error.getResponse() as { code: string; message: string };
      return send(response, error.getStatus(), refusedPage(body, this.links.webUrl()));
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    send(
      response,
      HttpStatus.INTERNAL_SERVER_ERROR,
      refusedPage({ code: 'INTERNAL_ERROR', message: 'Hệ thống gặp lỗi; quyết định chưa được ghi. Vui lòng thử lại sau ít phút.' }, this.links.webUrl()),
    );
  }
}

function send(response: Response, status: number, html: string): void {
  response
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The token is in the URL: no Referer may carry it to another site.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    })
    .send(html);
}
