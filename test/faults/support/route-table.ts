import type { Server } from 'node:http';
import type { TestStack } from '../../support/stack';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint the running app answers, as Express holds it after Nest mapped every controller. */
export interface Route {
  method: HttpMethod;
  /** Express's pattern, e.g. `/api/cycles/:id/calendar`. */
  path: string;
  /** `METHOD path`: how the fuzzer's inputs and the policy table name it. */
  key: string;
  /** The JSON API (bearer token) or the web app (session cookie, pages). */
  area: 'api' | 'app';
  params: string[];
}

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * Every route of the stack's app, read from the Express router the running Nest app built (not
 * from a list kept by hand), so a controller added tomorrow shows up here: the API under /api
 * (including the OpenAPI pages) and the web app under /app with its front door at /.
 */
export function routeTable(stack: TestStack): Route[] {
  const layers = expressRouterOf(stack).stack;
  const routes: Route[] = [];
  for (const layer of layers) {
    if (!layer.route) continue;
    const path = layer.route.path;
    // A pattern this table cannot fill (a wildcard, an optional part) must be looked at, not skipped.
    if (typeof path !== 'string' || /[*{}()?]/.test(path)) throw new Error(`The route table cannot read the route pattern ${String(path)}.`);
    for (const [method, handled] of Object.entries(layer.route.methods)) {
      if (!handled || method === '_all') continue;
      const upper = method.toUpperCase() as HttpMethod;
      const area = path === '/' || path === '/app' || path.startsWith('/app/') ? 'app' : path.startsWith('/api/') ? 'api' : null;
      if (!area) throw new Error(`Route ${upper} ${path} is neither under /api nor under /app.`);
      routes.push({ method: upper, path, key: `${upper} ${path}`, area, params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1]) });
    }
  }
  return routes;
}

/** The route's path with its parameters put in, each already percent-encoded by the caller or here. */
export function fillPath(route: Pick<Route, 'path'>, params: Record<string, string>, options: { encoded?: boolean } = {}): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} of ${route.path}.`);
    return options.encoded ? value : encodePathSegment(value);
  });
}

/** Percent-encodes a segment's UTF-8 bytes; unlike encodeURIComponent it never throws (a lone surrogate becomes U+FFFD). */
export function encodePathSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** supertest keeps the server it talks to; the server's request listener is the Express app Nest built. */
function expressRouterOf(stack: TestStack): { stack: ExpressLayer[] } {
  const server = (stack.http().get('/') as unknown as { app: Server }).app;
  const [express] = server.listeners('request') as Array<{ router?: { stack: ExpressLayer[] } }>;
  if (!express?.router) throw new Error('The stack’s HTTP server is not an Express app with a router.');
  return express.router;
}
