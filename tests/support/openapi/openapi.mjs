// docs/openapi.json as the tests use it: the document's own soundness (lint) and the check of
// responses against it. Schemas are enforced by ajv in strict mode, so a keyword or format it
// cannot enforce is refused instead of silently passed.
import { readFile } from 'node:fs/promises';

import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const METHODS = ['get', 'put', 'post', 'delete', 'head', 'options', 'patch', 'trace'];

// OpenAPI 3.0 schema keywords that only document and never change what is valid, and that
// JSON Schema does not know.
const OPENAPI_ANNOTATIONS = ['example'];

function newAjv() {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, messages: true });
  addFormats(ajv);
  for (const keyword of OPENAPI_ANNOTATIONS) ajv.addKeyword({ keyword });
  return ajv;
}

export async function readDocument(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** A document with every $ref replaced by what it points at; throws when one resolves nowhere. */
async function dereference(document) {
  return SwaggerParser.dereference(structuredClone(document));
}

// JSON Pointer escaping, so locations can be pasted into a $ref.
function child(location, key) {
  return `${location}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Every (method, path template) the document describes, sorted like the C++ side sorts them. */
export function operations(document) {
  const found = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) if (item[method]) found.push({ method: method.toUpperCase(), path });
  }
  return found.sort((a, b) => (a.method + a.path < b.method + b.path ? -1 : a.method + a.path > b.method + b.path ? 1 : 0));
}

function templateParameters(pathTemplate) {
  return [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/** The document's path template that `target` ("/user/bookmarks/7?x=1") falls under, or null. */
export function matchPath(document, target) {
  const pathname = target.split('?')[0];
  // A literal segment beats a parameter: "/user/bookmarks" before "/user/{anything}".
  const templates = Object.keys(document.paths ?? {}).sort((a, b) => templateParameters(a).length - templateParameters(b).length);
  return (
    templates.find((template) => {
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return new RegExp(`^${pattern}$`).test(pathname);
    }) ?? null
  );
}

/** Where the document keeps schemas: the values of "schema" keys and of components/schemas. */
function* schemaLocations(node, location = '#') {
  if (Array.isArray(node)) {
    for (const [index, value] of node.entries()) yield* schemaLocations(value, child(location, index));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    // Example values are free-form JSON: a "schema" key inside one means nothing.
    if (key === 'example' || key === 'examples') continue;
    const here = child(location, key);
    if (key === 'schema') yield here;
    else if (location === '#/components' && key === 'schemas' && value && typeof value === 'object') {
      for (const name of Object.keys(value)) yield child(here, name);
    } else yield* schemaLocations(value, here);
  }
}

function at(document, location) {
  return location
    .slice(2)
    .split('/')
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => node?.[key], document);
}

function pathParameterProblems(api) {
  const problems = [];
  for (const [path, item] of Object.entries(api.paths ?? {})) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const location = child(child('#/paths', path), method);
      const wanted = templateParameters(path);
      const declared = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].filter((p) => p.in === 'path');
      for (const parameter of declared) {
        if (parameter.required !== true) problems.push(`${location}: path parameter ${parameter.name} is not required: true`);
        if (!wanted.includes(parameter.name)) problems.push(`${location}: path parameter ${parameter.name} is not in the path template`);
      }
      for (const name of wanted) {
        if (!declared.some((parameter) => parameter.name === name)) problems.push(`${location}: {${name}} has no \`in: path\` parameter`);
      }
    }
  }
  return problems;
}

/**
 * What is wrong with the document itself, one line each with its location ("#/paths/..."): not
 * OpenAPI 3.0 by the official schema, a $ref that resolves nowhere, a schema ajv cannot enforce
 * (unknown keyword or format), a path template parameter without its `in: path, required: true`
 * parameter (or the reverse). Empty when the document is sound.
 */
export async function lint(document) {
  try {
    await SwaggerParser.validate(structuredClone(document));
  } catch (error) {
    return [`#: ${error.message}`];
  }
  const api = await dereference(document);
  const problems = [];
  const ajv = newAjv();
  for (const location of schemaLocations(document)) {
    try {
      ajv.compile(at(api, location));
    } catch (error) {
      problems.push(`${location}: ${error.message}`);
    }
  }
  return [...problems, ...pathParameterProblems(api)];
}

function mediaTypeOf(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJson(mediaType) {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** ajv's errors as "where: what", `where` a JSON Pointer into the body prefixed by "$". */
function describeErrors(errors) {
  return errors.map((error) => {
    let where = `$${error.instancePath}`;
    if (error.keyword === 'additionalProperties') where = child(where, error.params.additionalProperty);
    const allowed = error.params.allowedValues ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
    return `${where}: ${error.message}${allowed}`;
  });
}

/**
 * Checks responses and bodies against one document. A check is either a response as a test
 * received it, { method, path (a target or a template), status, content_type, body }, or a body
 * and the name of a schema of components/schemas, { schema, body }. Its verdict says which path
 * template the target falls under (responses) and every way it departs from the document, one
 * line each (empty when it conforms).
 */
export async function checker(document) {
  const api = await dereference(document);
  const ajv = newAjv();
  const compiled = new Map();
  const validatorFor = (schema) => {
    if (!compiled.has(schema)) compiled.set(schema, ajv.compile(schema));
    return compiled.get(schema);
  };
  const checkBody = (schema, text) => {
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return [`$: the body is not JSON: ${error.message}`];
    }
    const validate = validatorFor(schema);
    return validate(body) ? [] : describeErrors(validate.errors);
  };

  const checkResponse = ({ method, path, status, content_type: contentType, body }) => {
    const pathTemplate = matchPath(api, path);
    const verdict = (violations) => ({ path_template: pathTemplate, violations });
    if (!pathTemplate) return verdict([`response: no path of the document matches ${path}`]);
    const operation = api.paths[pathTemplate][method.toLowerCase()];
    if (!operation) return verdict([`response: ${method.toUpperCase()} ${pathTemplate} is not described`]);
    const responses = operation.responses;
    const code = String(status);
    const response = responses[code] ?? responses[`${code[0]}XX`] ?? responses.default;
    if (!response) {
      return verdict([
        `response: status ${code} is not described for ${method.toUpperCase()} ${pathTemplate} (described: ${Object.keys(responses).join(', ')})`,
      ]);
    }
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      return verdict(body === '' ? [] : [`response: status ${code} describes no body, got ${Buffer.byteLength(body)} bytes`]);
    }
    const mediaType = mediaTypeOf(contentType);
    if (!content[mediaType]) {
      return verdict([`response: Content-Type "${contentType}" is not described (described: ${Object.keys(content).join(', ')})`]);
    }
    const schema = content[mediaType].schema;
    if (!isJson(mediaType) || !schema) return verdict([]);
    return verdict(checkBody(schema, body));
  };

  const checkSchema = ({ schema: name, body }) => {
    const schema = api.components?.schemas?.[name];
    if (!schema) return { path_template: null, violations: [`schema: no schema #/components/schemas/${name}`] };
    return { path_template: null, violations: checkBody(schema, body) };
  };

  return (check) => ('schema' in check ? checkSchema(check) : checkResponse(check));
}
