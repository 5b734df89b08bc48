import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SWAGGER_UI_FILES, swaggerUiDocs } from './swagger-ui-docs';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('swagger UI docs build', () => {
  it('emits the Swagger UI files under docs/', () => {
    const emitted: { fileName: string; size: number }[] = [];
    const plugin = swaggerUiDocs();
    const generateBundle = plugin.generateBundle as unknown as (this: unknown) => void;
    generateBundle.call({
      emitFile: (file: { fileName: string; source: Uint8Array }) => {
        emitted.push({ fileName: file.fileName, size: file.source.length });
        return file.fileName;
      },
    });
    expect(emitted.map((file) => file.fileName)).toEqual(SWAGGER_UI_FILES.map((name) => `docs/${name}`));
    for (const file of emitted) expect(file.size).toBeGreaterThan(1_000);
  });

  it('has our own page that loads only local scripts, relative to /docs/, and points at /openapi.json', () => {
    const page = readFileSync(join(webDir, 'public/docs/index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((match) => /src="([^"]+)"/.exec(match[1] ?? '')?.[1])).toEqual([
      './swagger-ui-bundle.js',
      './swagger-ui-standalone-preset.js',
      './swagger-initializer.js',
    ]);
    for (const match of scripts) expect((match[2] ?? '').trim()).toBe('');
    expect(page).toContain('href="./swagger-ui.css"');
    expect(page).toContain('id="swagger-ui"');
    expect(page).not.toMatch(/https?:\/\//);

    const initializer = readFileSync(join(webDir, 'public/docs/swagger-initializer.js'), 'utf8');
    expect(initializer).toContain("url: '/openapi.json'");
    expect(initializer).toContain("dom_id: '#swagger-ui'");
    expect(existsSync(join(webDir, 'index.html'))).toBe(true);
  });

  it('keeps the app page free of inline scripts', () => {
    const page = readFileSync(join(webDir, 'index.html'), 'utf8');
    for (const match of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(match[1]).toMatch(/src="/);
      expect((match[2] ?? '').trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+="/i);
  });
});
