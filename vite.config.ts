// Vite config for the web app (web/, built into dist/), and the vitest config for the whole project.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'web',
  base: './',
  build: {
    outDir: '../dist', emptyOutDir: true, target: 'es2022',
    // The planner and the model documentation page (docs/model.md rendered, web/model-doc.ts).
    rollupOptions: { input: { main: `${projectRoot}web/index.html`, model: `${projectRoot}web/model.html` } },
  },
  worker: { format: 'es' },
  // The pages' Content-Security-Policy allows no inline style; the dev server injects CSS as <style>.
  // Their Trusted Types stay as built: Vite's client (and its error overlay) writes no markup.
  plugins: [{
    name: 'dev-inline-styles', apply: 'serve',
    transformIndexHtml: (html: string) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  }],
  server: { fs: { allow: [projectRoot] } },
  test: {
    root: projectRoot,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
    // One module graph for every file in a fork: the files leave no state behind (no mocks, fake
    // timers or unrestored env), and importing the model afresh for each of 113 files cost ~40 s.
    isolate: false,
  },
});
