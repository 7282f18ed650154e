import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';

export interface PageFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/**
 * One Lighthouse run of a page in the Chrome at `port`: mobile, with Lighthouse's default
 * (simulated) throttling. `keepStorage` keeps the signed-in session Lighthouse would otherwise clear.
 * With `reportPath`, the full JSON report is written there.
 */
export async function audit(
  url: string,
  port: number,
  keepStorage: boolean,
  reportPath?: string,
): Promise<PageFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  // The whole report, to see which element was the LCP, what shifted and which task blocked.
  if (reportPath) writeFileSync(reportPath, JSON.stringify(result.lhr));
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
  };
}

/** Per figure, the median of the runs (three runs: the middle one). */
export function medians(runs: PageFigures[]): PageFigures {
  const median = (pick: (f: PageFigures) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    performance: median((f) => f.performance),
    accessibility: median((f) => f.accessibility),
    bestPractices: median((f) => f.bestPractices),
    lcpMs: median((f) => f.lcpMs),
    tbtMs: median((f) => f.tbtMs),
    cls: median((f) => f.cls),
  };
}
