/**
 * Fixed margins of the heat map's plot area (px). Fixed rather than "contain label" so a cell's
 * place on the canvas follows from the chart's size alone; the browser test clicks cells by it,
 * which is why this module imports nothing.
 */
export const HEATMAP_GRID = { left: 84, right: 12, top: 12, bottom: 58 } as const
