/**
 * Writes docs/openapi.json from the zod schemas; with --check, exits 1 when the checked-in
 * file is stale. Run: node services/case-service/src/openapi/write-openapi.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './openapi-document.ts';

export const openApiPath = fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url));

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (import.meta.main) {
  const text = renderOpenApi();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(openApiPath, 'utf8');
    } catch {}
    if (current !== text) {
      process.stderr.write(
        `${openApiPath} is stale: run node services/case-service/src/openapi/write-openapi.ts\n`,
      );
      process.exitCode = 1;
    }
  } else {
    writeFileSync(openApiPath, text);
    process.stdout.write(`wrote ${openApiPath}\n`);
  }
}
