import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UPlotChart } from './UPlotChart';

// A stand-in for uPlot recording what the wrapper asks of it (jsdom cannot draw).
const made: FakePlot[] = [];
class FakePlot {
  width: number;
  height: number;
  over = { style: { left: '40px', top: '10px', width: '300px', height: '100px' } };
  setData = vi.fn();
  setSize = vi.fn((s: { width: number; height: number }) => {
    this.width = s.width;
    this.height = s.height;
    this.opts.hooks.setSize?.forEach((h: (u: FakePlot) => void) => h(this));
  });
  destroy = vi.fn();
  constructor(
    public opts: { width: number; height: number; hooks: Record<string, ((u: FakePlot) => void)[]> },
    public data: unknown,
    public target: HTMLElement,
  ) {
    this.width = opts.width;
    this.height = opts.height;
    made.push(this);
    opts.hooks.ready?.forEach((h) => h(this));
  }
  static paths = {};
}

vi.mock('./canvas', () => ({ canDrawCanvas: () => true, loadUPlot: () => Promise.resolve(FakePlot) }));

let resize: (() => void) | undefined;
beforeEach(() => {
  made.length = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(cb: () => void) {
        resize = cb;
      }
      observe() {}
      disconnect() {
        resize = undefined;
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

const options = () => ({ series: [{}, {}] });

describe('UPlotChart', () => {
  it('creates the plot in its container, updates its data, follows the width and is destroyed on unmount', async () => {
    const onPlotArea = vi.fn();
    const data: [number[], number[]] = [[1, 2], [3, 4]];
    const { container, rerender, unmount } = render(<UPlotChart options={options} data={data} height={120} onPlotArea={onPlotArea} />);
    await act(async () => {});
    expect(made).toHaveLength(1);
    const u = made[0]!;
    expect(u.target).toBe(container.querySelector('.uplot-host'));
    expect(u.data).toBe(data);
    expect(u.opts.height).toBe(120);
    expect(onPlotArea).toHaveBeenCalledWith({ left: 40, top: 10, width: 300, height: 100 });

    const next: [number[], number[]] = [[1, 2], [5, 6]];
    rerender(<UPlotChart options={options} data={next} height={120} onPlotArea={onPlotArea} />);
    expect(u.setData).toHaveBeenCalledWith(next);
    expect(made).toHaveLength(1);

    Object.defineProperty(u.target, 'clientWidth', { value: 480, configurable: true });
    resize?.();
    expect(u.setSize).toHaveBeenCalledWith({ width: 480, height: 120 });
    rerender(<UPlotChart options={options} data={next} height={200} onPlotArea={onPlotArea} />);
    expect(u.setSize).toHaveBeenLastCalledWith({ width: 480, height: 200 });

    unmount();
    expect(u.destroy).toHaveBeenCalled();
    expect(resize).toBeUndefined();
  });

  it('makes no plot when unmounted before uPlot has loaded', async () => {
    const { unmount } = render(<UPlotChart options={options} data={[[], []]} height={100} />);
    unmount();
    await act(async () => {});
    expect(made).toHaveLength(0);
  });
});
