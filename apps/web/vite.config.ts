import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';
/**
 * The first page's JavaScript, gzip as served, in kB (1,000 bytes, as Vite prints): index.html's entry and every
 * chunk it imports statically (what /login and the shell after login load before any page chunk). Set in
 * budget.json, which tests/browser/web-weight.test.ts checks against what the browser is sent.
 */
const { firstPageJsGzipKb } = JSON.parse(
  readFileSync(fileURLToPath(new URL('./budget.json', import.meta.url)), 'utf8'),
) as { firstPageJsGzipKb: number };
// A workspace library's source, found through npm's workspace link.
const librarySource = (name: string) =>
  path.join(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'src', 'index.ts');

/**
 * Brotli and gzip twins of every text file the build writes, at the highest levels (paid once, at build); the API's
 * static handler sends the one the browser asks for. Small files are not worth a request-time choice.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzip = promisify(gzipCallback);
  return {
    name: 'tvaers-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle)
        .filter((fileName) => /\.(js|css|html|svg|json)$/.test(fileName))
        .map((fileName) => path.join(options.dir ?? 'dist', fileName));
      // In parallel: zlib works on its own threads.
      await Promise.all(
        files.map(async (file) => {
          const source = await fs.readFile(file);
          if (source.length < 1024) return;
          const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
          await fs.writeFile(`${file}.br`, await brotli(source, quality));
          await fs.writeFile(`${file}.gz`, await gzip(source, { level: constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}

/** Prints the first page's chunks (raw and gzip) and fails the build when together they pass the budget. */
function firstPageBudget(budgetKb: number): Plugin {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return {
    name: 'tvaers-first-page-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [[output.fileName, output] as const] : [],
        ),
      );
      const firstPage = new Set<string>();
      const visit = (fileName: string) => {
        if (firstPage.has(fileName)) return;
        firstPage.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

      const sizes = [...chunks.values()].map((chunk) => ({
        fileName: chunk.fileName,
        raw: Buffer.byteLength(chunk.code),
        gzip: gzipSync(chunk.code, { level: constants.Z_BEST_COMPRESSION }).length,
      }));
      const rows = sizes.filter((size) => firstPage.has(size.fileName)).sort((a, b) => b.gzip - a.gzip);
      const total = rows.reduce((sum, row) => sum + row.gzip, 0);
      const largestLater = sizes.filter((size) => !firstPage.has(size.fileName)).sort((a, b) => b.gzip - a.gzip)[0];
      const lines = [
        'First page JavaScript (entry and its static imports):',
        ...rows.map(
          (row) => `  ${row.fileName.padEnd(44)} ${kb(row.raw).padStart(10)} │ gzip: ${kb(row.gzip).padStart(9)}`,
        ),
        `  total ${kb(rows.reduce((sum, row) => sum + row.raw, 0))}, gzip ${kb(total)} of ${budgetKb} kB budget`,
        ...(largestLater
          ? [`  largest chunk loaded on demand: ${largestLater.fileName}, gzip ${kb(largestLater.gzip)}`]
          : []),
      ];
      this.info(lines.join('\n'));
      if (total > budgetKb * 1000) {
        this.error(
          `First page JavaScript is ${kb(total)} gzip, over its budget of ${budgetKb} kB ` +
            '(apps/web/budget.json): load the new code on demand (React.lazy, import()).',
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), firstPageBudget(firstPageJsGzipKb)],
  resolve: {
    // The web bundles the contract source directly: no build of libs/contracts needed first.
    alias: {
      '@tvaers/contracts': librarySource('@tvaers/contracts'),
      '@tvaers/domain': librarySource('@tvaers/domain'),
      // apps/web/src by name, so no import climbs folders (tsconfig.json `paths` says the same).
      '@web': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never in production: the maps would publish the source as it was written.
    sourcemap: false,
    // Every browser Tværs supports knows modulepreload: no polyfill on the first page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Framework code changes rarely: separate chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // Libraries the first page uses. The others (FullCalendar, Yjs, socket.io, Temporal) go with the
            // pages that load them on demand.
            {
              name: 'vendor',
              test: /node_modules[\\/](zod|i18next|react-i18next|@tanstack|react-hook-form|@hookform|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
