// Which browser the browser tests launch (test/chromium.ts): the one JITSIM_CHROMIUM names, and
// the packaged one when it names nothing that exists, which then starts and runs a page.
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from './chromium.ts';

const saved = process.env.JITSIM_CHROMIUM;
afterEach(() => { if (saved === undefined) delete process.env.JITSIM_CHROMIUM; else process.env.JITSIM_CHROMIUM = saved; });

describe('the browser the tests drive', () => {
  it('is the file JITSIM_CHROMIUM names when it exists', async () => {
    process.env.JITSIM_CHROMIUM = process.execPath;
    expect(await findChromium()).toEqual({ path: process.execPath, source: 'JITSIM_CHROMIUM', env: {} });
  });

  it('is the packaged Chromium when JITSIM_CHROMIUM names nothing, and it runs a page', async () => {
    process.env.JITSIM_CHROMIUM = '/nonexistent/chromium';
    const found = await findChromium();
    expect(found.source).toBe('package');
    expect(found.path).toMatch(/jitsim-chromium-[\d.]+\/chromium$/);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p">1</p><script>document.getElementById("p").textContent = String(6 * 7)</script>');
      expect(await page.textContent('#p')).toBe('42');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
