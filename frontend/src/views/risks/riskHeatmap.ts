import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
import type { components } from '@/api/schema'
import { HEATMAP_GRID } from './heatmapGrid'
import { RISK_LEVELS, SCALE, levelColour, levelOfScore, textColourOn, type RiskLevel, type RiskMatrix } from './riskModel'

export type HeatCell = components['schemas']['RiskHeatCell']
export type RiskHeatmapData = components['schemas']['RiskHeatmap']

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>

/** One square of the 5×5 map. */
export interface HeatSquare {
  likelihood: number
  impact: number
  score: number
  level: RiskLevel
  count: number
}

export interface CellRef {
  likelihood: number
  impact: number
}

export { HEATMAP_GRID }

/**
 * Always all 25 squares, likelihood-major: what the server did not send counts 0, and a square
 * without a level takes it from the matrix (the server names the level of every cell it sends).
 */
export function heatSquares(cells: readonly HeatCell[] | undefined, matrix: Pick<RiskMatrix, 'majorMin' | 'significantMin' | 'generalMin'> | null | undefined): HeatSquare[] {
  const byKey = new Map<string, HeatCell>()
  for (const cell of cells ?? []) byKey.set(`${cell.likelihood}:${cell.impact}`, cell)
  const squares: HeatSquare[] = []
  for (const likelihood of SCALE) {
    for (const impact of SCALE) {
      const cell = byKey.get(`${likelihood}:${impact}`)
      const score = likelihood * impact
      const level = cell?.level ?? (matrix ? levelOfScore(matrix, score) : 'LOW')
      squares.push({ likelihood, impact, score, level, count: cell?.count ?? 0 })
    }
  }
  return squares
}

/** Risks on the map per level (the legend's numbers). */
export function countsByLevel(squares: readonly HeatSquare[]): Record<RiskLevel, number> {
  const counts: Record<RiskLevel, number> = { MAJOR: 0, SIGNIFICANT: 0, GENERAL: 0, LOW: 0 }
  for (const square of squares) counts[square.level] += square.count
  return counts
}

/** A click on the selected square clears the filter; any other square selects it. */
export function toggleCell(current: CellRef | null, clicked: CellRef): CellRef | null {
  if (current !== null && current.likelihood === clicked.likelihood && current.impact === clicked.impact) return null
  return { likelihood: clicked.likelihood, impact: clicked.impact }
}

/** A cell from URL filter values ('' or junk: none). */
export function cellFromFilters(likelihood: string | undefined, impact: string | undefined): CellRef | null {
  const l = Number(likelihood)
  const i = Number(impact)
  if (!SCALE.includes(l) || !SCALE.includes(i)) return null
  return { likelihood: l, impact: i }
}

export interface HeatmapTexts {
  likelihood: string
  impact: string
  /** "1 极少发生" style axis labels (index 0 = value 1). */
  likelihoodLabels?: readonly string[]
  impactLabels?: readonly string[]
  levelLabel: (level: RiskLevel) => string
  countLabel: (count: number) => string
}

/** Data item value: [likelihood index, impact index, count, level index] (the visual map reads the level). */
type SquareValue = [number, number, number, number]

/**
 * The ECharts option: x = likelihood 1–5, y = impact 1–5 (upwards), each square in its level's
 * colour (faint when empty), the count as its label, the selected square outlined.
 */
export function heatmapOption(
  squares: readonly HeatSquare[],
  matrix: Pick<RiskMatrix, 'colours'> | null | undefined,
  selected: CellRef | null,
  texts: HeatmapTexts,
): HeatmapOption {
  const axisLabel = (labels: readonly string[] | undefined, value: number, separator: string): string => {
    const label = labels?.[value - 1]
    return label === undefined || label === '' ? String(value) : `${value}${separator}${label}`
  }
  const data = squares.map((square) => {
    const colour = levelColour(square.level, matrix)
    const isSelected = selected !== null && selected.likelihood === square.likelihood && selected.impact === square.impact
    return {
      value: [square.likelihood - 1, square.impact - 1, square.count, RISK_LEVELS.indexOf(square.level)] as SquareValue,
      itemStyle: {
        opacity: square.count > 0 || isSelected ? 1 : 0.35,
        borderColor: isSelected ? '#303133' : '#ffffff',
        borderWidth: isSelected ? 3 : 2,
      },
      label: { color: textColourOn(colour) },
    }
  })
  const byValue = new Map(squares.map((square) => [`${square.likelihood - 1}:${square.impact - 1}`, square]))
  return {
    animation: false,
    grid: { ...HEATMAP_GRID },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params
        const value = item?.value
        if (!Array.isArray(value)) return ''
        const square = byValue.get(`${String(value[0])}:${String(value[1])}`)
        if (square === undefined) return ''
        return `${texts.likelihood} ${square.likelihood} × ${texts.impact} ${square.impact} = ${square.score}<br/>${texts.levelLabel(square.level)} · ${texts.countLabel(square.count)}`
      },
    },
    xAxis: {
      type: 'category',
      data: SCALE.map((value) => axisLabel(texts.likelihoodLabels, value, '\n')),
      name: texts.likelihood,
      nameLocation: 'middle',
      nameGap: 40,
      splitArea: { show: false },
      axisTick: { show: false },
      axisLabel: { fontSize: 11, interval: 0 },
    },
    yAxis: {
      type: 'category',
      data: SCALE.map((value) => axisLabel(texts.impactLabels, value, ' ')),
      name: texts.impact,
      nameLocation: 'middle',
      nameGap: 70,
      axisTick: { show: false },
      axisLabel: { fontSize: 11, interval: 0 },
    },
    // Colours by level, not by count: the fourth value is the level's index.
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      seriesIndex: 0,
      pieces: RISK_LEVELS.map((level, index) => ({ value: index, color: levelColour(level, matrix) })),
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 14,
          fontWeight: 'bold',
          formatter: (params) => {
            const value = params.value
            return Array.isArray(value) && Number(value[2]) > 0 ? String(value[2]) : ''
          },
        },
        emphasis: { itemStyle: { borderColor: '#303133', borderWidth: 2 } },
        cursor: 'pointer',
      },
    ],
  }
}

/** The square an ECharts click event names (its data value), if any. */
export function cellOfEvent(value: unknown): CellRef | null {
  if (!Array.isArray(value) || value.length < 2) return null
  const likelihood = Number(value[0]) + 1
  const impact = Number(value[1]) + 1
  if (!SCALE.includes(likelihood) || !SCALE.includes(impact)) return null
  return { likelihood, impact }
}
