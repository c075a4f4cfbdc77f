import fc from 'fast-check';
import { poisonedBody, validBody, type Model } from './fuzz-fields';
import { hostileId, hostileText, jsonText, withKey, MALFORMED_SEGMENTS, PROTOTYPE_KEYS } from './hostile';
import { encodePathSegment, fillPath, type Route } from './route-table';

export type FormFields = Record<string, string | string[]>;
/** A form's fields, and the reason they must be refused. */
export type BrokenForm = { fields: FormFields; defect: string };
export type Upload = { fields: Record<string, string>; file: Buffer | null };

/** What a route reads, and how the fuzzer breaks each part of it. */
export interface RouteInputs {
  /** The real value of each path parameter: with them the request reaches the code behind the lookups. */
  params?: Record<string, string>;
  /** Parameters naming something stored: any other value is refused. */
  lookups?: string[];
  /** Query parameters the handler reads, with values worth trying besides hostile ones. */
  query?: Record<string, fc.Arbitrary<string>>;
  body?: BodyInputs;
  /** Every request to this route is refused whatever is sent, and why (signing in as no one). */
  alwaysRefused?: string;
}

export type BodyInputs =
  /** JSON checked by a DTO: one invalid field, or one unknown key, refuses it. */
  | { kind: 'dto'; model: Model }
  /** JSON read by the service itself: one invalid field refuses it. */
  | { kind: 'json'; model: Model }
  /** A web form: any fields a page could post, and fields sure to be refused (null: only the path or the form token can be wrong). */
  | { kind: 'form'; any: fc.Arbitrary<FormFields>; broken: fc.Arbitrary<BrokenForm> | null }
  | { kind: 'upload'; any: fc.Arbitrary<Upload>; broken: fc.Arbitrary<Upload & { defect: string }> }
  /** Nothing to read but the credentials (signing out). */
  | { kind: 'none' };

export type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; contentType: string; text: string }
  | { kind: 'form'; fields: FormFields }
  | { kind: 'upload'; upload: Upload };

/** Who sends: nobody, or the fuzz user with every role (bearer token for /api, session cookie for /app). */
export interface Caller {
  name: 'anonymous' | 'signed in';
  token?: string;
  cookie?: string;
  csrf?: string;
  /** Another live session's form token: valid, but not this session's. */
  otherCsrf?: string;
}

export interface FuzzRequest {
  method: Route['method'];
  path: string;
  headers: Record<string, string>;
  body: Body | null;
  /** Why the server must refuse this request; null for a read, which may be answered. */
  defect: string | null;
}

const hostileSegment = fc.oneof({ weight: 4, arbitrary: hostileId.map(encodePathSegment) }, { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) });
const headerSafe = fc.stringMatching(/^[\x21-\x7e]{0,80}$/);
const MALFORMED_JSON = ['{', '{"a":', "{'a':1}", '[1,]', '{"a":1}}', 'nul', '{"a":1,}', '{"a":"\\u12"}', '{"a":01}', '{"__proto__":}', '\u0000{}', '{"a" 1}'];
const WRONG_MEDIA = ['text/plain', 'application/xml', 'text/html', 'application/octet-stream', 'multipart/form-data; boundary=pcfuzz', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded; charset=koi8-r'];
const UNKNOWN_KEYS = ['isAdmin', 'role', 'userId', 'password_hash', "x'; DROP TABLE users;--", '<script>pcfuzz(1)</script>', 'Ia\u200dDom'];

type Defect = 'field' | 'unknown key' | 'param' | 'malformed JSON' | 'top-level JSON' | 'oversized' | 'wrong media type' | 'form token' | 'foreign origin' | 'bearer token';
/** Breaking a field or a lookup reaches furthest into the code, so it is chosen most often; a megabyte body least. */
const WEIGHTS: Record<Defect, number> = { field: 8, param: 3, 'unknown key': 2, 'malformed JSON': 1, 'top-level JSON': 1, oversized: 1, 'wrong media type': 1, 'form token': 1, 'foreign origin': 1, 'bearer token': 1 };

/**
 * Requests to one route from one caller. A write the server could take is always broken in at least
 * one known way (the `defect`), so the fuzzer can demand a refusal and an unchanged database; a
 * read, or a write nobody may make, is sent with whatever mix of real and hostile parts comes up.
 */
export function fuzzRequests(route: Route, inputs: RouteInputs, caller: Caller, open: boolean): fc.Arbitrary<FuzzRequest> {
  const write = route.method !== 'GET';
  const signedIn = caller.name === 'signed in';
  const given = !write ? null : inputs.alwaysRefused ?? (!signedIn && !open ? 'nobody signed in' : null);
  const defects = defectsFor(route, inputs, caller, open);
  const free = fc.record({ params: paramsOf(route, inputs, null), query: queryOf(inputs), body: write ? anyBody(route, inputs, caller) : fc.constant(null) });
  const sent = (defect: string | null) => (parts: { params: Record<string, string>; query: string; body: Body | null; headers?: Record<string, string> }): FuzzRequest => ({
    method: route.method,
    path: `${fillPath(route, parts.params, { encoded: true })}${parts.query}`,
    headers: { ...credentials(route, caller), ...parts.headers },
    body: parts.body,
    defect,
  });
  const anyDefect = fc.oneof(...defects.map((defect) => ({ weight: WEIGHTS[defect], arbitrary: broken(defect) })));
  // A read may be answered whatever it carries; a write nobody may make is refused whatever it carries.
  if (!write || given) return fc.oneof({ weight: 3, arbitrary: free.map(sent(given)) }, { weight: 1, arbitrary: anyDefect.map(({ parts }) => sent(given)(parts)) });
  return anyDefect.map(({ parts, reason }) => sent(reason)(parts));

  function broken(defect: Defect) {
    const withParts = (body: fc.Arbitrary<Body | null>, options: { refuse?: string | null; headers?: fc.Arbitrary<Record<string, string>> } = {}) =>
      fc.record({ params: paramsOf(route, inputs, options.refuse ?? null), query: queryOf(inputs), body, headers: options.headers ?? fc.constant({}) });
    const fixed = (reason: string, parts: ReturnType<typeof withParts>) => parts.map((built) => ({ reason, parts: built }));
    switch (defect) {
      case 'field':
        return brokenBody(route, inputs, caller).chain(({ body, reason }) => fixed(reason, withParts(fc.constant(body))));
      case 'unknown key':
        return fixed('unknown key', withParts(unknownKeyBody(inputs)));
      case 'param':
        return fc.constantFrom(...(inputs.lookups ?? [])).chain((name) => fixed(`unknown ${name}`, withParts(anyBody(route, inputs, caller), { refuse: name })));
      case 'malformed JSON':
        return fixed('malformed JSON', withParts(fc.constantFrom(...MALFORMED_JSON).map((text): Body => ({ kind: 'text', contentType: 'application/json', text }))));
      case 'top-level JSON':
        return fixed('JSON that is no object', withParts(topLevelJson(inputs)));
      case 'oversized':
        return fixed('body over the limit', withParts(fc.constantFrom(1_100_000, 1_600_000).map((length): Body => ({ kind: 'text', contentType: 'application/json', text: `{"x":"${'a'.repeat(length)}"}` }))));
      case 'wrong media type':
        return fixed('body in a media type nobody reads', withParts(fc.tuple(fc.constantFrom(...WRONG_MEDIA), hostileText).map(([contentType, text]): Body => ({ kind: 'text', contentType, text }))));
      case 'form token':
        return fixed('missing or foreign form token', withParts(withCsrf(anyBody(route, inputs, { ...caller, csrf: undefined }), foreignCsrf(caller))));
      case 'foreign origin':
        return fixed('post from another site', withParts(anyBody(route, inputs, caller), { headers: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'http://localhost:1').map((origin) => ({ origin })) }));
      case 'bearer token':
        return fixed('bad bearer token', withParts(anyBody(route, inputs, caller), { headers: fc.oneof(headerSafe.map((token) => `Bearer ${token}`), fc.constantFrom('Bearer', 'Basic YWRtaW46cGxhbmN5Y2xl', `Bearer ${caller.token}x`, `bearer ${caller.token}`)).map((authorization) => ({ authorization })) }));
    }
  }
}

/** No form token, or one that is not this session's: another live session's, a tampered one, any text. */
function foreignCsrf(caller: Caller): fc.Arbitrary<string | null> {
  return fc.oneof(fc.constantFrom<string | null>(null, '', `${caller.csrf}x`, caller.otherCsrf ?? 'x'), hostileText.filter((text) => text !== caller.csrf));
}

/** The ways this route can be broken for this caller, each sure to be refused. */
function defectsFor(route: Route, inputs: RouteInputs, caller: Caller, open: boolean): Defect[] {
  const body = inputs.body ?? { kind: 'none' };
  const signedInWeb = route.area === 'app' && caller.name === 'signed in';
  const formToken = signedInWeb && route.path !== '/app/login';
  return [
    ...(body.kind === 'dto' || body.kind === 'json' || ((body.kind === 'form' || body.kind === 'upload') && body.broken) ? (['field'] as const) : []),
    ...(body.kind === 'dto' ? (['unknown key'] as const) : []),
    ...((inputs.lookups?.length ?? 0) > 0 ? (['param'] as const) : []),
    'malformed JSON' as const,
    'oversized' as const,
    // Without a body a sign-out is still a sign-out: only its credentials can be wrong.
    ...(body.kind !== 'none' || formToken ? (['top-level JSON', 'wrong media type'] as const) : []),
    ...(formToken ? (['form token'] as const) : []),
    ...(signedInWeb ? (['foreign origin'] as const) : []),
    // A public route ignores a bad bearer token (an email link checks only whose it is).
    ...(route.area === 'api' && caller.name === 'signed in' && !open ? (['bearer token'] as const) : []),
  ];
}

function paramsOf(route: Route, inputs: RouteInputs, refuse: string | null): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    Object.fromEntries(
      route.params.map((name) => {
        const real = inputs.params?.[name];
        if (real === undefined) throw new Error(`${route.key}: no real value for :${name}`);
        return [name, name === refuse ? hostileSegment : fc.oneof({ weight: 4, arbitrary: fc.constant(encodePathSegment(real)) }, { weight: 1, arbitrary: hostileSegment })];
      }),
    ),
  );
}

/** A query string of the parameters the route reads and some it does not, hostile values among them. */
function queryOf(inputs: RouteInputs): fc.Arbitrary<string> {
  const known = Object.keys(inputs.query ?? {});
  const pair = fc.oneof(
    ...(known.length > 0 ? [fc.constantFrom(...known).chain((name) => fc.tuple(fc.constant(name), fc.oneof(inputs.query![name], hostileText)))] : []),
    fc.tuple(fc.oneof(hostileText, fc.constantFrom(...PROTOTYPE_KEYS)), hostileText),
  );
  const encoded = fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([name, value]) => `${encodePathSegment(name)}=${encodePathSegment(value)}`).join('&'));
  return fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: encoded.map((query) => (query ? `?${query}` : '')) }, { weight: 1, arbitrary: fc.constantFrom('?%', '?a=%E0%A4%A', '?a[b]=1&a[c]=2', '?a=1&a=2&a=3') });
}

/** A body as a client of the route would send it, each part valid or not. */
function anyBody(route: Route, inputs: RouteInputs, caller: Caller): fc.Arbitrary<Body | null> {
  const body = inputs.body ?? { kind: 'none' };
  switch (body.kind) {
    case 'dto':
    case 'json':
      return fc.oneof(validBody(body.model), poisonedBody(body.model).map(({ value }) => value)).chain((value) => withNoise(value)).map((value): Body => ({ kind: 'json', value }));
    case 'form':
      return withCsrf(formBody(body.any), fc.constant(caller.csrf ?? null));
    case 'upload':
      return withCsrf(fc.oneof(body.any, body.broken).map((upload): Body => ({ kind: 'upload', upload: { fields: upload.fields, file: upload.file } })), fc.constant(caller.csrf ?? null));
    case 'none':
      return route.area === 'app' ? withCsrf(fc.constant({ kind: 'form', fields: {} }), fc.constant(caller.csrf ?? null)) : fc.constant(null);
  }
}

/** A body broken in one of its own fields, and which. */
function brokenBody(route: Route, inputs: RouteInputs, caller: Caller): fc.Arbitrary<{ body: Body; reason: string }> {
  const body = inputs.body;
  switch (body?.kind) {
    case 'dto':
    case 'json':
      return poisonedBody(body.model).chain(({ value, defect }) => withNoise(value).map((noisy) => ({ body: { kind: 'json', value: noisy } as Body, reason: defect })));
    case 'form':
      if (!body.broken) break;
      return body.broken.chain(({ fields, defect }) => withCsrf(formBody(fc.constant(fields)), fc.constant(caller.csrf ?? null)).map((sent) => ({ body: sent as Body, reason: defect })));
    case 'upload':
      return body.broken.chain(({ fields, file, defect }) => withCsrf(fc.constant<Body>({ kind: 'upload', upload: { fields, file } }), fc.constant(caller.csrf ?? null)).map((sent) => ({ body: sent as Body, reason: defect })));
  }
  throw new Error(`${route.key} has no fields to break`);
}

/** A form as browsers post it (urlencoded), or now and then as JSON, which the app parses too. */
function formBody(fields: fc.Arbitrary<FormFields>): fc.Arbitrary<Body> {
  return fc.tuple(fields, fc.nat(4)).map(([form, pick]): Body => (pick === 0 ? { kind: 'json', value: form } : { kind: 'form', fields: form }));
}

function withCsrf(body: fc.Arbitrary<Body | null>, token: fc.Arbitrary<string | null>): fc.Arbitrary<Body | null> {
  return fc.tuple(body, token).map(([sent, csrf]) => {
    if (csrf === null || sent === null) return sent;
    if (sent.kind === 'form') return { kind: 'form', fields: { ...sent.fields, _csrf: csrf } };
    if (sent.kind === 'upload') return { kind: 'upload', upload: { ...sent.upload, fields: { ...sent.upload.fields, _csrf: csrf } } };
    if (sent.kind === 'json' && typeof sent.value === 'object' && sent.value !== null && !Array.isArray(sent.value)) return { kind: 'json', value: withKey({ ...sent.value }, '_csrf', csrf) };
    return sent;
  });
}

/** A valid body with a key the DTO does not know. */
function unknownKeyBody(inputs: RouteInputs): fc.Arbitrary<Body> {
  if (inputs.body?.kind !== 'dto') throw new Error('only a DTO refuses unknown keys');
  const model = inputs.body.model;
  const key = fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), hostileText.filter((name) => name.trim() !== '' && !(name in model) && !PROTOTYPE_KEYS.includes(name)));
  return fc.tuple(validBody(model), key, fc.oneof(hostileText, fc.boolean())).map(([value, name, extra]): Body => ({ kind: 'json', value: withKey({ ...value }, name, extra) }));
}

/** JSON that is not one object: a bare value, the body inside an array, or arrays nested thousands deep. */
function topLevelJson(inputs: RouteInputs): fc.Arbitrary<Body> {
  const body = inputs.body;
  const object = body?.kind === 'dto' || body?.kind === 'json' ? validBody(body.model) : fc.constant({});
  return fc.oneof(
    fc.constantFrom('"text"', '42', 'true', 'null', '[]', `${'['.repeat(3000)}${']'.repeat(3000)}`, `[${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}]`),
    object.map((value) => jsonText([value])),
  ).map((text): Body => ({ kind: 'text', contentType: 'application/json', text }));
}

/** Now and then, keys that would reach Object.prototype if merged into a plain object. */
function withNoise(value: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.nat(5).map((pick) => {
    if (pick > 0) return value;
    const noisy = withKey({ ...value }, '__proto__', { pcfuzzPolluted: 'yes' });
    return withKey(noisy, 'constructor', { prototype: { pcfuzzPolluted: 'yes' } });
  });
}

function credentials(route: Route, caller: Caller): Record<string, string> {
  if (caller.name === 'anonymous') return {};
  return route.area === 'api' ? { authorization: `Bearer ${caller.token}` } : { cookie: caller.cookie ?? '' };
}
