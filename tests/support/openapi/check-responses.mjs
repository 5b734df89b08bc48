// Checks responses against an OpenAPI document, for the C++ suites (response_check.hpp).
// Usage: node check-responses.mjs <openapi.json> <checks.json>
// checks.json holds an array of checks (see checker() in openapi.mjs). Prints, as JSON, the
// document's operations and one verdict per check, in order. Exits 2, saying why on stderr, when
// the document itself is not sound: then no verdict could be trusted.
import { readFile } from 'node:fs/promises';

import { checker, lint, operations, readDocument } from './openapi.mjs';

const [file, checksFile] = process.argv.slice(2);
if (!file || !checksFile) {
  console.error('usage: node check-responses.mjs <openapi.json> <checks.json>');
  process.exit(2);
}
const document = await readDocument(file);
const problems = await lint(document);
if (problems.length > 0) {
  console.error(`${file} is not sound:\n${problems.join('\n')}`);
  process.exit(2);
}
const check = await checker(document);
const checks = JSON.parse(await readFile(checksFile, 'utf8'));
process.stdout.write(JSON.stringify({ operations: operations(document), verdicts: checks.map(check) }));
