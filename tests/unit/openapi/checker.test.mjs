// The checks themselves (tests/support/openapi/openapi.mjs) on small documents: each must be able
// to fail, and fail at the right place.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checker, lint, matchPath } from '../../support/openapi/openapi.mjs';

const itemSchema = {
  type: 'object',
  required: ['id', 'created_at', 'title'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', format: 'int64', minimum: 1 },
    created_at: { type: 'string', format: 'date-time' },
    title: { type: 'string', minLength: 1, maxLength: 5, description: 'a title', example: 'abc' },
    score: { type: 'number', nullable: true },
    kind: { type: 'string', enum: ['a', 'b'] },
    tags: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } },
    small: { type: 'integer', format: 'int32', minimum: -3, maximum: 3 },
  },
};

function documentWith({ paths, schemas = {}, parameters = {} }) {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas, parameters } };
}

const json = (schema) => ({ 'application/json': { schema } });

const sound = documentWith({
  paths: {
    '/items': {
      get: {
        responses: {
          200: { description: 'ok', content: json({ type: 'array', items: { $ref: '#/components/schemas/Item' } }) },
          '4XX': { description: 'error', content: json({ $ref: '#/components/schemas/Error' }) },
        },
      },
    },
    '/items/{item_id}': {
      parameters: [{ $ref: '#/components/parameters/ItemId' }],
      delete: { responses: { 204: { description: 'gone' } } },
    },
    '/items/newest': { get: { responses: { default: { description: 'ok', content: { 'text/plain': {} } } } } },
  },
  schemas: {
    Item: itemSchema,
    Error: { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } },
  },
  parameters: { ItemId: { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } } },
});

const validItem = { id: 7, created_at: '2026-11-27T19:57:07.590829+00:00', title: 'abc', score: 1.5, kind: 'a', tags: ['x'], small: 0 };

async function violationsOf(check) {
  return (await checker(sound))(check).violations;
}

function itemsResponse(items, overrides = {}) {
  return { method: 'GET', path: '/items', status: 200, content_type: 'application/json', body: JSON.stringify(items), ...overrides };
}

test('lint finds nothing in a sound document', async () => {
  assert.deepEqual(await lint(sound), []);
});

test('lint reports a reference that resolves nowhere', async () => {
  const broken = structuredClone(sound);
  broken.components.schemas.Item.properties.other = { $ref: '#/components/schemas/Gone' };
  const problems = await lint(broken);
  assert.match(problems.join('\n'), /#\/components\/schemas\/Gone/);
});

test('lint reports what is not OpenAPI 3.0', async () => {
  const problems = await lint({ ...sound, openapi: '2.9' });
  assert.equal(problems.length, 1);
});

test('lint reports schema keywords that OpenAPI 3.0 does not have', async () => {
  const broken = structuredClone(sound);
  broken.components.schemas.Item.properties.title.patern = '^a';
  assert.match((await lint(broken)).join('\n'), /#\/components\/schemas\/Item\/properties\/title must NOT have additional properties/);
});

test('lint reports schema keywords and formats that the checker cannot enforce', async () => {
  const broken = structuredClone(sound);
  broken.components.schemas.Item.discriminator = { propertyName: 'kind' };
  broken.components.schemas.Error.properties.detail.format = 'no-such-format';
  const problems = (await lint(broken)).join('\n');
  assert.match(problems, /#\/components\/schemas\/Item: .*unknown keyword: "discriminator"/);
  assert.match(problems, /#\/components\/schemas\/Error: .*unknown format "no-such-format"/);
});

test('lint reports path parameters that do not match the template', async () => {
  const problems = await lint(
    documentWith({
      paths: {
        '/a/{a_id}': { get: { responses: { 200: { description: 'ok' } } } },
        '/b': {
          get: {
            parameters: [{ name: 'b_id', in: 'path', required: true, schema: { type: 'integer' } }],
            responses: { 200: { description: 'ok' } },
          },
        },
      },
    }),
  );
  assert.deepEqual(problems, [
    '#/paths/~1a~1{a_id}/get: {a_id} has no `in: path` parameter',
    '#/paths/~1b/get: path parameter b_id is not in the path template',
  ]);
});

test('a literal path segment is matched before a template parameter', () => {
  assert.equal(matchPath(sound, '/items/newest'), '/items/newest');
  assert.equal(matchPath(sound, '/items/7?x=1'), '/items/{item_id}');
  assert.equal(matchPath(sound, '/items/7/more'), null);
});

test('a conforming response has no violation', async () => {
  assert.deepEqual(await violationsOf(itemsResponse([validItem, { id: 1, created_at: '2026-01-01T00:00:00Z', title: 'a' }])), []);
  assert.deepEqual(await violationsOf({ method: 'DELETE', path: '/items/3', status: 204, content_type: '', body: '' }), []);
  assert.deepEqual(await violationsOf({ method: 'GET', path: '/items/newest', status: 200, content_type: 'text/plain', body: 'x' }), []);
});

test('a wrong body is reported where it is wrong', async () => {
  const cases = [
    [{ id: '7' }, '$/1/id: must be integer'],
    [{ id: 7.5 }, '$/1/id: must be integer', '$/1/id: must match format "int64"'],
    [{ id: 0 }, '$/1/id: must be >= 1'],
    [{ created_at: '2026-11-27T19:57:07.590829' }, '$/1/created_at: must match format "date-time"'],
    [{ title: '' }, '$/1/title: must NOT have fewer than 1 characters'],
    [{ title: 'abcdef' }, '$/1/title: must NOT have more than 5 characters'],
    [{ title: null }, '$/1/title: must be string'],
    [{ kind: 'c' }, '$/1/kind: must be equal to one of the allowed values ["a","b"]'],
    [{ tags: [1] }, '$/1/tags/0: must be string'],
    [{ tags: [] }, '$/1/tags: must NOT have fewer than 1 items'],
    [{ small: 4 }, '$/1/small: must be <= 3'],
    [{ surprise: 1 }, '$/1/surprise: must NOT have additional properties'],
  ];
  for (const [change, ...expected] of cases) {
    assert.deepEqual(await violationsOf(itemsResponse([validItem, { ...validItem, ...change }])), expected, JSON.stringify(change));
  }
  const { title: _, ...untitled } = validItem;
  assert.deepEqual(await violationsOf(itemsResponse([untitled])), ["$/0: must have required property 'title'"]);
  assert.deepEqual(await violationsOf(itemsResponse({})), ['$: must be array']);
  assert.match((await violationsOf(itemsResponse([], { body: '[' })))[0], /^\$: the body is not JSON/);
});

test('a response the document does not describe is reported', async () => {
  const cases = [
    [itemsResponse([], { path: '/nowhere' }), 'response: no path of the document matches /nowhere'],
    [itemsResponse([], { method: 'POST' }), 'response: POST /items is not described'],
    [itemsResponse([], { status: 500 }), 'response: status 500 is not described for GET /items (described: 200, 4XX)'],
    [itemsResponse([], { content_type: 'text/html' }), 'response: Content-Type "text/html" is not described (described: application/json)'],
    [
      { method: 'DELETE', path: '/items/3', status: 204, content_type: 'text/plain', body: 'x' },
      'response: status 204 describes no body, got 1 bytes',
    ],
  ];
  for (const [check, expected] of cases) assert.deepEqual(await violationsOf(check), [expected]);
  // 4XX covers every client error.
  assert.deepEqual(await violationsOf(itemsResponse({ detail: 'Not Found' }, { status: 404 })), []);
  assert.deepEqual(await violationsOf(itemsResponse({ detail: 1 }, { status: 404 })), ['$/detail: must be string']);
});

test('a body is checked against a named schema', async () => {
  assert.deepEqual(await violationsOf({ schema: 'Item', body: JSON.stringify(validItem) }), []);
  assert.deepEqual(await violationsOf({ schema: 'Item', body: '{}' }).then((found) => found.length), 3);
  assert.deepEqual(await violationsOf({ schema: 'Nothing', body: '{}' }), ['schema: no schema #/components/schemas/Nothing']);
});
