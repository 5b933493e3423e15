// The headless Chromium the browser tests and bench/browser.ts drive (README "Tests"): JITSIM_CHROMIUM
// if it names a file, else Debian's /usr/bin/chromium, else the one shipped in @sparticuz/chromium,
// unpacked once into a folder of its own, so `npm ci && npm test` needs no browser from apt-get.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { madeOnce } from './helpers/made-once.ts';

const DEBIAN = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ChromiumFound {
  path: string;
  /** Where it came from, for messages. */
  source: 'JITSIM_CHROMIUM' | 'debian' | 'package';
  /** The variables it needs beyond the environment's: the packaged one brings its own NSS libraries. */
  env: Record<string, string>;
}

/**
 * The browser to launch. JITSIM_CHROMIUM naming a missing file falls through to the packaged one
 * (not to Debian's), which is how .ci/run proves the fallback on a machine that has both.
 */
export async function findChromium(): Promise<ChromiumFound> {
  const chosen = process.env.JITSIM_CHROMIUM;
  if (chosen && existsSync(chosen)) return { path: chosen, source: 'JITSIM_CHROMIUM', env: {} };
  if (!chosen && existsSync(DEBIAN)) return { path: DEBIAN, source: 'debian', env: {} };
  const dir = await unpackedChromium();
  return { path: `${dir}/chromium`, source: 'package', env: { LD_LIBRARY_PATH: [`${dir}/al2023/lib`, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') } };
}

/** Launches the browser findChromium() picks, with the flags every test uses. */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({ executablePath: found.path, args: ARGS, env: { ...process.env, ...found.env } as Record<string, string> });
}

/**
 * The folder holding the packaged browser, unpacked on first use: by one test file at a time (a lock
 * folder; a lock left by a killed run is taken over after 2 minutes), into a staging folder renamed
 * whole, so a half-unpacked browser is never launched. The folder is named by the package's version.
 */
async function unpackedChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  // The package's folder (its exports name neither package.json nor its unpacker): build/cjs/index.cjs two levels down.
  const home = `${dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))}/../..`;
  const { inflate } = await import(pathToFileURL(`${home}/build/esm/lambdafs.js`).href) as { inflate: (file: string) => Promise<string> };
  const { version } = JSON.parse(readFileSync(`${home}/package.json`, 'utf8')) as { version: string };
  return madeOnce(`${tmpdir()}/jitsim-chromium-${version}`, 'chromium', 120_000, async (staging) => {
    const saved = process.env.TMPDIR;
    try {
      // The package unpacks into os.tmpdir(), which reads TMPDIR: pointed at the staging folder while it works.
      process.env.TMPDIR = staging;
      await packaged.executablePath();
      // Its NSS libraries, which it unpacks only on Amazon Linux: a fresh Debian may lack libnss3.
      await inflate(`${home}/bin/al2023.tar.br`);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
    }
  });
}
