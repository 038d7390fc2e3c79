// Whether this page can draw uPlot charts, and uPlot itself loaded on first use. uPlot needs a 2D
// canvas and `matchMedia` (it reads the pixel ratio when imported); jsdom, which runs the unit
// tests, has neither, so charts there are only their accessible tables. Loading uPlot lazily also
// keeps it out of the main bundle: only pages with a chart fetch it.

import type uPlot from 'uplot';

let drawable: boolean | undefined;

/** True in a browser with a 2D canvas (never in jsdom). */
export function canDrawCanvas(): boolean {
  if (drawable === undefined) {
    drawable =
      typeof window !== 'undefined' &&
      typeof window.matchMedia === 'function' &&
      typeof HTMLCanvasElement !== 'undefined' &&
      document.createElement('canvas').getContext('2d') !== null;
  }
  return drawable;
}

let loading: Promise<typeof uPlot> | undefined;

/** The uPlot constructor, imported once (a separate chunk of the build). */
export function loadUPlot(): Promise<typeof uPlot> {
  loading ??= import('uplot').then((m) => m.default);
  return loading;
}
