// The Hunt histogram: the analyst's default search of acme's demo events shows its matches over
// time above the results, drawn by uPlot on a canvas with each bar's button laid over it; hovering a bar tells its time in the viewer's zone (the browser runs in
// Europe/Berlin) and count; clicking it narrows the search to that bucket, in the URL, and the
// results then number what the bar said.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { bucketLabel } from '../src/hunt/histogram';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { expectDrawnChart } from './charts';
import { PROVIDER_ADMIN } from './env';

describe('hunt histogram', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    acmeId = await tenantIdBySlug(baseUrl, await accessToken(baseUrl, PROVIDER_ADMIN), 'acme');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('shows the matches over time, and a click on a bar narrows the range to it', async () => {
    const { page } = s;
    await signIn(page, 'analyst@garrison.local');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.goto(`/tenants/${acmeId}/hunt`);
    await page.getByText(/^50 of \d+ events$/).waitFor();

    const chart = page.locator('figure.bar-chart.selectable');
    const caption = chart.locator('figcaption');
    await caption.filter({ hasText: /^Events over time \([\d,]+ events, 24 min per bar\)$/ }).waitFor();
    const bars = chart.getByRole('button');
    expect(await bars.count()).toBe(60);
    // uPlot drew the chart, and the buttons span its plotting area, first bar to last.
    await expectDrawnChart(chart);
    const plot = await chart.locator('.uplot .u-over').boundingBox();
    const first = await bars.first().boundingBox();
    const last = await bars.last().boundingBox();
    expect(plot !== null && first !== null && last !== null).toBe(true);
    expect(Math.abs(first!.x - plot!.x)).toBeLessThan(2);
    expect(Math.abs(last!.x + last!.width - (plot!.x + plot!.width))).toBeLessThan(2);
    expect(Math.abs(first!.height - plot!.height)).toBeLessThan(2);
    // The bars add up to the search's total, not to the page shown.
    const total = Number((await page.getByText(/^50 of \d+ events$/).textContent())?.split(' of ')[1]?.split(' ')[0]);
    const values = (await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value')))));
    expect(values.reduce((a, b) => a + b, 0)).toBe(total);

    // A bar with events that is not the newest (which may still be filling).
    const index = values.slice(0, -1).findIndex((v) => v > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const bar = bars.nth(index);
    await bar.hover();
    const hint = (await bar.getAttribute('aria-label')) ?? '';
    expect(hint).toMatch(new RegExp(`^\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}.*: ${values[index]} events?$`));
    await chart.locator('.bar-readout', { hasText: hint }).waitFor();
    expect(await bar.getAttribute('title')).toBe(hint);
    await screenshot(page, 'hunt-histogram');
    // The keyboard reaches the bars too: focus describes one as hovering does.
    await page.mouse.move(0, 0);
    await bars.nth(0).focus();
    await chart.locator('.bar-readout', { hasText: (await bars.nth(0).getAttribute('aria-label')) ?? '' }).waitFor();

    await bar.click();
    await page.waitForURL((url) => url.searchParams.get('range') === 'custom');
    const url = new URL(page.url());
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '';
    expect(Date.parse(to) - Date.parse(from)).toBe(24 * 60 * 1000);
    // The hover named this bucket in Berlin time.
    expect(hint.startsWith(`${bucketLabel({ from, to }, 'en-GB', 'Europe/Berlin')}:`)).toBe(true);
    await page.getByText(`${Math.min(values[index]!, 50)} of ${values[index]} event${values[index] === 1 ? '' : 's'}`).waitFor();
    expect(await page.getByLabel('Time range').inputValue()).toBe('custom');
    await caption.filter({ hasText: `(${values[index]} event${values[index] === 1 ? '' : 's'}, 24 s per bar)` }).waitFor();
    await expectDrawnChart(chart);
    await screenshot(page, 'hunt-histogram-narrowed');

    // Back returns to the whole day.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('range') === null);
    await caption.filter({ hasText: /24 min per bar/ }).waitFor();
  });
});
