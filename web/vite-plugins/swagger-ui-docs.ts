import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

// The Swagger UI files the server's /docs page needs, copied verbatim from the
// swagger-ui-dist package so the page works offline and nothing is loaded from a CDN.
// Our own docs/index.html and docs/swagger-initializer.js live in public/docs/.
export const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'] as const;

const DOCS_DIR = 'docs';

function swaggerUiDistDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

function contentType(file: string): string {
  return file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
}

export function swaggerUiDocs(): Plugin {
  const sourceDir = swaggerUiDistDir();
  return {
    name: 'nicecream-swagger-ui-docs',

    generateBundle() {
      for (const file of SWAGGER_UI_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${DOCS_DIR}/${file}`,
          source: readFileSync(join(sourceDir, file)),
        });
      }
    },

    // `vite dev` serves the same files, so /docs/ works there too.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = SWAGGER_UI_FILES.find((name) => req.url === `/${DOCS_DIR}/${name}`);
        if (!file) {
          next();
          return;
        }
        res.setHeader('Content-Type', contentType(file));
        res.end(readFileSync(join(sourceDir, file)));
      });
    },
  };
}
