import type { Response } from 'supertest';
import type { TestStack } from '../../support/stack';
import type { FormFields, FuzzRequest } from './fuzz-requests';
import { jsonText, HTML_MARKER_HEADS } from './hostile';
import { toSignIn } from './matrix';
import { encodePathSegment, type Route } from './route-table';

/** Sends a request exactly as built: the path as encoded, the body as the bytes chosen. */
export function send(stack: TestStack, request: FuzzRequest): Promise<Response> {
  const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let test = stack.http()[method](request.path).set(request.headers).redirects(0).ok(() => true);
  const body = request.body;
  if (!body) return test;
  switch (body.kind) {
    case 'json':
      return test.set('content-type', 'application/json').send(jsonText(body.value));
    case 'text':
      return test.set('content-type', body.contentType).send(body.text);
    case 'form':
      return test.set('content-type', 'application/x-www-form-urlencoded').send(urlencoded(body.fields));
    case 'upload':
      for (const [name, value] of Object.entries(body.upload.fields)) test = test.field(name, value);
      return body.upload.file ? test.attach('file', body.upload.file, 'ke-hoach.xlsx') : test;
  }
}

/** A form as a browser encodes it, every character percent-encoded as UTF-8, repeated names for lists. */
export function urlencoded(fields: FormFields): string {
  return Object.entries(fields)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => `${encodePathSegment(name)}=${encodePathSegment(one)}`))
    .join('&');
}

/**
 * What every answer must be, refusal or not: no 5xx; a refusal a 4xx with a code and a message
 * (JSON for the API, a page or the parser's JSON for the web app); a request with a defect refused;
 * no hostile HTML echoed raw; no redirect off the site; nothing added to Object.prototype.
 */
export function checkAnswer(route: Route, request: FuzzRequest, response: Response): { refused: boolean } {
  const fail = (why: string) => {
    throw new Error(`${request.method} ${request.path.slice(0, 300)} (${request.defect ?? 'read'}) → ${response.status}: ${why}\n${String(response.text).slice(0, 500)}`);
  };
  if (response.status >= 500) fail('a server error');
  if ((Object.prototype as Record<string, unknown>).pcfuzzPolluted !== undefined) fail('Object.prototype was polluted');
  const type = String(response.headers['content-type'] ?? '');
  const html = type.startsWith('text/html');
  if (html) {
    const echoed = HTML_MARKER_HEADS.find((head) => String(response.text).includes(head));
    if (echoed) fail(`hostile HTML came back unescaped: ${echoed}`);
  }
  if (response.status >= 300 && response.status < 400) {
    const location = String(response.headers.location ?? '');
    if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\')) fail(`a redirect off the site: ${location}`);
  }
  // The web app's answer to a page or a post nobody may open: the sign-in page, and back.
  const signIn = route.area === 'app' && toSignIn(response);
  if (response.status >= 400) {
    // Pages (the web app, the email-link pages under /api/actions) refuse with a page; the JSON API, and the
    // body parsers in front of everything, with `{ code, message }`.
    const page = route.area === 'app' || route.path.startsWith('/api/actions/');
    if (type.startsWith('application/json')) {
      const body = response.body as { code?: unknown; message?: unknown };
      if (typeof body.code !== 'string' || body.code === '' || typeof body.message !== 'string' || body.message.trim() === '') fail('a refusal without a code and a message');
    } else if (!(page && html && String(response.text).includes('</html>'))) fail(`a refusal as ${type || 'nothing'}`);
  }
  const refused = response.status >= 400 || signIn;
  if (request.defect !== null && !refused) fail(`taken although ${request.defect}`);
  return { refused };
}
