// What the browser tests check of a uPlot chart: its canvas is on the page with a real size and
// has something painted on it (axes and bars), not a blank or zero-sized placeholder.

import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

/** Waits for the uPlot canvas inside `chart` and returns its size and how many pixels are painted. */
export async function drawnCanvas(chart: Locator): Promise<{ width: number; height: number; painted: number }> {
  const canvas = chart.locator('.uplot canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; px !== undefined && i < px.length; i += 4) if (px[i] !== 0) n++;
    return n;
  });
  return { width: box?.width ?? 0, height: box?.height ?? 0, painted };
}

/** Asserts the chart's uPlot canvas is visible, sized, and drawn on. */
export async function expectDrawnChart(chart: Locator): Promise<void> {
  const drawn = await drawnCanvas(chart);
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.height).toBeGreaterThan(50);
  expect(drawn.painted).toBeGreaterThan(0);
}
