import { RequestMethod } from '@nestjs/common';
import { urlencoded, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';

/** The paths that stay outside the API's /api prefix: the front door and the web app. */
export const WEB_PATHS = [
  { path: '/', method: RequestMethod.GET },
  { path: 'app', method: RequestMethod.ALL },
  { path: 'app/{*path}', method: RequestMethod.ALL },
];

/**
 * Form posts of the web app. A plan's grid posts a few fields per row, so a form may hold thousands
 * of fields; the API's own parser (100 kB, 20 fields, for the email-link pages) stays strict.
 */
export function webForms() {
  return urlencoded({ extended: false, limit: '1mb', parameterLimit: 10_000 });
}

/**
 * Headers on every web page: the pages run only their own script and style (no inline code, no other
 * host), cannot be framed by another site (a hidden frame would turn a click into an approval), and
 * are not kept by shared caches.
 */
export function webPageHeaders() {
  return (_request: Request, response: Response, next: NextFunction) => {
    response.set({
      'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    next();
  };
}

/**
 * A form with a file (the plan's Excel import): parsed before the session guard runs, so the guard
 * finds the form token in the body as for any other post. One file, in memory, 5 MB at most.
 */
export function webUploads() {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 20 } }).single('file');
  // A file too large (or a second file) is the user's to fix: the page says so instead of a 500.
  return (request: Request & { uploadRefused?: string }, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (error) request.uploadRefused = error instanceof multer.MulterError ? error.code : 'UPLOAD_INVALID';
      next();
    });
}
