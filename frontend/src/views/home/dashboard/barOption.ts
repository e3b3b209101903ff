import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { FigureTableSpec } from './dashboardRows'
import type { Figure } from './useDashboard'

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

/**
 * The chart of a breakdown: one category per row (unit, month, day), one series per column; columns
 * with the same stack are piled up. Every bar is the figure of its cell (a click opens its list).
 */
export function barOption(spec: FigureTableSpec): BarOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: spec.rows.map((row) => row.label), axisLabel: { interval: 0, fontSize: 11, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: spec.columns.map((column) => ({
      type: 'bar',
      name: column.label,
      ...(column.stack === undefined ? {} : { stack: column.stack }),
      itemStyle: { color: column.colour },
      barMaxWidth: 28,
      cursor: 'pointer',
      data: spec.rows.map((row) => row.cells[column.key]?.value ?? 0),
    })),
  }
}

/** The figure a click on a bar names: its series is the column, its data index the row. */
export function figureAt(spec: FigureTableSpec, seriesIndex: number | undefined, dataIndex: number | undefined): Figure | undefined {
  if (seriesIndex === undefined || dataIndex === undefined) return undefined
  const column = spec.columns[seriesIndex]
  const row = spec.rows[dataIndex]
  if (column === undefined || row === undefined) return undefined
  return row.cells[column.key]?.figure
}
