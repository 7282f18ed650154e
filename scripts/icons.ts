/**
 * `npm run icons`: draws the installable app's icons (public/icons/*.png) from public/favicon.svg
 * with Debian's Chromium: the icon at 192 and 512 pixels, and a maskable one whose artwork stays
 * inside the safe circle (80 %) on a full-bleed background, as Android crops it. Run after
 * changing the logo; the PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
const BACKGROUND = '#1e3a8a';

function page(size: number, maskable: boolean): string {
  const inner = maskable ? Math.round(size * 0.7) : size;
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${
    maskable ? BACKGROUND : 'transparent'
  }"><div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
    ['apple-touch-icon-180.png', 180, true],
  ] as const) {
    const tab = await browser.newPage({ viewport: { width: size, height: size } });
    await tab.setContent(page(size, maskable));
    writeFileSync(`public/icons/${name}`, await tab.screenshot({ omitBackground: !maskable }));
    await tab.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
