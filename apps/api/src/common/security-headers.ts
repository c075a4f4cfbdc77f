import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers on every answer (nosniff, no framing, no X-Powered-By, a same-origin CSP that the
 * API's own Swagger page satisfies, …). Pages with stricter needs (the web app, email-link pages)
 * set their own CSP over this one. Two defaults are off on plain http, where a province's intranet
 * may serve the app: HSTS and upgrading requests to https would break it rather than protect it.
 */
export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: options.https ? [] : null } },
    strictTransportSecurity: options.https,
  });
}

/** JSON answers are one user's data: no shared or browser cache keeps them. */
export function noStore() {
  return (_request: Request, response: Response, next: NextFunction) => {
    response.set('cache-control', 'no-store');
    next();
  };
}
