// Checks an OpenAPI document itself (see lint() in openapi.mjs); prints each problem, exits 1 on any.
// Usage: node lint.mjs <openapi.json>
import { lint, operations, readDocument } from './openapi.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node lint.mjs <openapi.json>');
  process.exit(2);
}
const document = await readDocument(file);
const problems = await lint(document);
if (problems.length > 0) {
  for (const problem of problems) console.error(`${file}: ${problem}`);
  process.exit(1);
}
console.log(`${file}: sound OpenAPI ${document.openapi}, ${operations(document).length} operations`);
