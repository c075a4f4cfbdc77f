import { RequestMethod } from '@nestjs/common';
import { urlencoded } from 'express';

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
