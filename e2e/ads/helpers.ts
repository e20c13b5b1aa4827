import type { Page } from '@playwright/test';

/** Scenario articles test/checks/ads.mjs adds to the sample content of both its servers. */
export const LONG = '/business/europe-gas-storage-winter-prices';
export const SHORT = '/world/ads-check-short-story';
export const NO_ADS = '/world/ads-check-no-ads-story';
export const STYLE_GUIDE = '/technology/style-guide';

/** One layout shift: its score, when it happened (ms after navigation) and what moved. */
export type LayoutShift = { value: number; at: number; sources: string[] };

/** Starts summing layout shifts (as CLS does: none within 500 ms of input) before any script. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          at: entry.startTime,
          sources: (entry.sources ?? []).map((s) =>
            s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node),
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(() => (window as unknown as { __shifts: LayoutShift[] }).__shifts);
}

/** Scrolls with the wheel, as a reader would, a screen at a time, pausing on each. */
export async function readDown(page: Page, pauseMs = 150): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screen = page.viewportSize()?.height ?? 800;
  for (let y = 0; y < height; y += screen * 0.8) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(pauseMs);
  }
}
