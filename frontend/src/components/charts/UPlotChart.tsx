// The console's one React wrapper around uPlot (canvas charts; see README "Charts"). It creates
// the plot once uPlot has loaded, passes new data to it with `setData`, follows its container's
// width with a ResizeObserver and destroys it on unmount. New `options` (a builder given the
// uPlot class, so it can use `uPlot.paths`) make a new plot: memoize them. `onPlotArea` reports
// where the plotting area sits inside the container (for overlays such as clickable bars);
// `children` are drawn over the chart. Without a canvas (jsdom) nothing is drawn and the caller's
// accessible table is what remains.

import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, type ReactNode } from 'react';
import type uPlot from 'uplot';
import { canDrawCanvas, loadUPlot } from './canvas';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

/** The plotting area (inside the axes), in CSS pixels from the container's top left. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Props {
  options: (U: typeof uPlot) => ChartOptions;
  data: uPlot.AlignedData;
  height: number;
  className?: string;
  onPlotArea?: (area: PlotArea) => void;
  children?: ReactNode;
}

/** Width used before layout gives one (and in print when the container has none). */
const FALLBACK_WIDTH = 600;

function areaOf(u: uPlot): PlotArea {
  const s = u.over.style;
  return { left: parseFloat(s.left) || 0, top: parseFloat(s.top) || 0, width: parseFloat(s.width) || 0, height: parseFloat(s.height) || 0 };
}

export function UPlotChart({ options, data, height, className, onPlotArea, children }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The latest values, read when the (asynchronously created) plot starts.
  const latest = useRef({ data, height, onPlotArea });
  latest.current = { data, height, onPlotArea };

  useEffect(() => {
    const el = host.current;
    if (el === null || !canDrawCanvas()) return;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    void loadUPlot().then((U) => {
      if (cancelled) return;
      const base = options(U);
      const report = (u: uPlot) => latest.current.onPlotArea?.(areaOf(u));
      const hooks = { ...base.hooks, ready: [...(base.hooks?.ready ?? []), report], setSize: [...(base.hooks?.setSize ?? []), report] };
      const u = new U({ ...base, hooks, width: el.clientWidth || FALLBACK_WIDTH, height: latest.current.height }, latest.current.data, el);
      plot.current = u;
      observer = new ResizeObserver(() => {
        const width = el.clientWidth;
        if (width > 0 && width !== u.width) u.setSize({ width, height: latest.current.height });
      });
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [options]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const u = plot.current;
    if (u !== null && u.height !== height) u.setSize({ width: u.width, height });
  }, [height]);

  return (
    <div className={className === undefined ? 'uplot-chart' : `uplot-chart ${className}`} style={{ minHeight: height }}>
      <div ref={host} className="uplot-host" aria-hidden="true" />
      {children}
    </div>
  );
}
