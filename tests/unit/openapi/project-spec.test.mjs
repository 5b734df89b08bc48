// docs/openapi.json itself: sound, complete against the contract, and the checker reading the
// contract's examples as the contract means them. (What must match the C++ code is checked by
// project_spec_test.cpp.)
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { checker, lint, operations, readDocument } from '../../support/openapi/openapi.mjs';

const document = await readDocument(fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url)));
const check = await checker(document);

function operationOf({ method, path }) {
  return document.paths[path][method.toLowerCase()];
}

function resolve(node) {
  if (!node.$ref) return node;
  return resolve(
    node.$ref
      .slice(2)
      .split('/')
      .reduce((parent, key) => parent[key], document),
  );
}

const schemaViolations = (schema, body) => check({ schema, body: JSON.stringify(body) }).violations;

test('the document is sound for the checker', async () => {
  assert.deepEqual(await lint(document), []);
});

test("the document describes exactly the contract's routes and ours", () => {
  assert.deepEqual(operations(document), [
    { method: 'DELETE', path: '/channels/{channel_id}' },
    { method: 'DELETE', path: '/user/bookmarks/{bookmark_id}' },
    { method: 'DELETE', path: '/user/push-subscriptions' },
    { method: 'DELETE', path: '/user/watches/{watch_id}' },
    { method: 'GET', path: '/artists' },
    { method: 'GET', path: '/artists/{artist_id}' },
    { method: 'GET', path: '/artists/{artist_id}/stats' },
    { method: 'GET', path: '/channels' },
    { method: 'GET', path: '/channels/{channel_id}/feed.atom' },
    { method: 'GET', path: '/channels/{channel_id}/outages' },
    { method: 'GET', path: '/charts' },
    { method: 'GET', path: '/docs' },
    { method: 'GET', path: '/embed/channels/{channel_id}' },
    { method: 'GET', path: '/feeds/watches/{feed}' },
    { method: 'GET', path: '/healthz' },
    { method: 'GET', path: '/history' },
    { method: 'GET', path: '/history/events' },
    { method: 'GET', path: '/history/export' },
    { method: 'GET', path: '/history/feed.atom' },
    { method: 'GET', path: '/metrics' },
    { method: 'GET', path: '/oembed' },
    { method: 'GET', path: '/openapi.json' },
    { method: 'GET', path: '/push/vapid-public-key' },
    { method: 'GET', path: '/readyz' },
    { method: 'GET', path: '/songs' },
    { method: 'GET', path: '/songs/{song_id}' },
    { method: 'GET', path: '/songs/{song_id}/feed.atom' },
    { method: 'GET', path: '/songs/{song_id}/stats' },
    { method: 'GET', path: '/user' },
    { method: 'GET', path: '/user/bookmarks' },
    { method: 'GET', path: '/user/bookmarks/export' },
    { method: 'GET', path: '/user/google' },
    { method: 'GET', path: '/user/google/callback' },
    { method: 'GET', path: '/user/sign_out' },
    { method: 'GET', path: '/user/watches' },
    { method: 'PATCH', path: '/channels/{channel_id}' },
    { method: 'POST', path: '/channels' },
    { method: 'POST', path: '/channels/probe' },
    { method: 'POST', path: '/user/bookmarks' },
    { method: 'POST', path: '/user/push-subscriptions' },
    { method: 'POST', path: '/user/watches' },
    { method: 'POST', path: '/user/watches/feed-token' },
  ]);
});

test('every error response is JSON of one of the two error shapes', () => {
  for (const which of operations(document)) {
    for (const [status, response] of Object.entries(operationOf(which).responses)) {
      if (status[0] < '4') continue;
      // POST /channels/probe's 422 is either: a field is invalid, or the station could not be read.
      const schema = resolve(response).content?.['application/json']?.schema;
      for (const ref of schema?.oneOf?.map((choice) => choice.$ref) ?? [schema?.$ref]) {
        assert.ok(
          ref === '#/components/schemas/Error' || ref === '#/components/schemas/ValidationError',
          `${which.method} ${which.path} ${status}: ${ref}`,
        );
      }
    }
  }
});

test('signed-in routes need the session cookie', () => {
  for (const which of operations(document)) {
    if (!which.path.startsWith('/user') || which.path.startsWith('/user/google')) continue;
    assert.deepEqual(operationOf(which).security, [{ sessionCookie: [] }], `${which.method} ${which.path}`);
    assert.ok('401' in operationOf(which).responses, `${which.method} ${which.path}`);
  }
});

test('every operation declares who may call it', () => {
  for (const which of operations(document)) {
    const { security } = operationOf(which);
    assert.ok(Array.isArray(security), `${which.method} ${which.path}: no route-level security`);
    const isAdmin = which.path.startsWith('/channels') && which.method !== 'GET';
    const needsSession = (which.path.startsWith('/user') && !which.path.startsWith('/user/google')) || isAdmin;
    // /metrics: anyone on loopback, or a bearer of API_METRICS_TOKEN once it is set.
    if (which.path === '/metrics') assert.deepEqual(security, [{}, { metricsToken: [] }]);
    else if (needsSession && isAdmin) {
      assert.deepEqual(security, [{ sessionCookie: [] }], `${which.method} ${which.path}`);
      for (const status of ['401', '403']) assert.ok(status in operationOf(which).responses, `${which.method} ${which.path} ${status}`);
    } else if (!needsSession && which.path !== '/history') assert.deepEqual(security, [], `${which.method} ${which.path}`);
  }
});

test('changes need the CSRF header', () => {
  for (const which of operations(document)) {
    if (which.method === 'GET') continue;
    assert.ok(
      operationOf(which).parameters.some((parameter) => parameter.$ref === '#/components/parameters/CsrfToken'),
      `${which.method} ${which.path}`,
    );
  }
  assert.equal(document.components.parameters.CsrfToken.name, 'X-Csrf-Token');
  assert.equal(document.components.parameters.CsrfToken.required, true);
  assert.equal(document.components.securitySchemes.sessionCookie.name, 'nicecream_history_session');
});

test("the contract's examples conform", () => {
  const examples = [
    [
      'HistoryItem',
      { id: 100001, created_at: '2026-11-27T19:57:07.590829+00:00', song_id: 7, song_title: 'A - B', channel_id: 2, bookmark_id: 0 },
    ],
    [
      'Channel',
      {
        id: 1,
        name: 'red',
        format: 'voscast',
        url: 'https://cdn.voscast.com/stats/display.js?key=40dce4ae142ed966aa6bdd8048c989d2&stats=songtitle&action=update',
      },
    ],
    ['User', { id: 1, sub: '1234', picture: '', given_name: 'Ada', family_name: 'Lovelace' }],
    ['Bookmark', { id: 3, created_at: '2026-11-27T19:57:07Z', song_id: 7, song_title: 'A - B', user_id: 1 }],
    ['Error', { detail: 'Not Found' }],
    ['Empty', {}],
    ['ValidationError', { detail: { query: { offset: ['Must be greater than or equal to 0.'] } } }],
    ['ValidationError', { detail: { body: { song_id: ['Not found.'] } } }],
    ['ValidationError', { detail: { header: { 'X-Csrf-Token': ['Missing or invalid value.'] } } }],
    ['ValidationError', { detail: { path: { bookmark_id: ['Not a valid integer.'] } } }],
  ];
  for (const [schema, body] of examples) assert.deepEqual(schemaViolations(schema, body), [], `${schema} ${JSON.stringify(body)}`);
});

test('drift from the contract is caught, where it is', () => {
  const drifts = [
    [
      'HistoryItem',
      { id: 1, created_at: '2026-11-27T19:57:07.590829', song_id: 7, song_title: 'x', channel_id: 2, bookmark_id: 0 },
      '$/created_at',
    ],
    ['HistoryItem', { id: 1, created_at: '2026-11-27T19:57:07Z', song_id: 7, song_title: 'x', channel_id: 2 }, '$'],
    ['Channel', { id: 1, name: 'red', url: 'u', format: 'auto', owner: 'me' }, '$/owner'],
    ['Channel', { id: 1, name: 'red', url: 'u', format: 'auto', paused: 'no' }, '$/paused'],
    ['Channel', { id: 1, name: 'much-too-long', url: 'u', format: 'auto' }, '$/name'],
    ['Bookmark', { id: '3', created_at: '2026-11-27T19:57:07Z', song_id: 7, song_title: 'x', user_id: 1 }, '$/id'],
    ['Error', { detail: { query: {} } }, '$/detail'],
    ['ValidationError', { detail: { cookie: { a: ['b'] } } }, '$/detail/cookie'],
    ['ValidationError', { detail: { query: { offset: 'Must be ...' } } }, '$/detail/query/offset'],
    ['Empty', { deleted: true }, '$/deleted'],
  ];
  for (const [schema, body, where] of drifts) {
    const violations = schemaViolations(schema, body);
    assert.ok(violations.length > 0, `${schema} accepted ${JSON.stringify(body)}`);
    assert.ok(
      violations.every((violation) => violation.startsWith(`${where}: `)),
      `${schema}: ${violations.join('; ')}`,
    );
  }
});

test('whole responses of the contract are checked', () => {
  const response = (method, path, status, contentType, body) => check({ method, path, status, content_type: contentType, body });
  assert.deepEqual(
    response('GET', '/history?offset=-1', 422, 'application/json', '{"detail": {"query": {"offset": ["Must be >= 0."]}}}').violations,
    [],
  );
  assert.deepEqual(response('DELETE', '/user/bookmarks/5', 200, 'application/json', '{}').violations, []);
  assert.deepEqual(response('GET', '/user/google', 302, '', '').violations, []);
  assert.deepEqual(response('GET', '/history/events', 200, 'text/event-stream', '').violations, []);
  assert.notDeepEqual(response('GET', '/channels', 500, 'application/json', '{"detail": "Internal server error."}').violations, []);
  assert.notDeepEqual(response('GET', '/user', 200, 'application/json', '{}').violations, []);
});
