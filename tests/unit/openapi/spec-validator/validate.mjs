// Validates an OpenAPI document against the official OpenAPI 3.0 schema and resolves every $ref.
// Usage: node validate.mjs <path/to/openapi.json>
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs <openapi.json>");
  process.exit(2);
}

try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).flatMap((item) => Object.keys(item));
  console.log(`${file}: valid OpenAPI ${api.openapi}, ${operations.length} operations`);
} catch (error) {
  console.error(`${file}: not valid OpenAPI: ${error.message}`);
  process.exit(1);
}
