import { i18n } from '@/i18n'
import { obligationStateLabel } from '@/views/risks/riskModel'
import { periodNameKey } from './periods'
import type { Figure, FigureIndex } from './useDashboard'

/** One number of a breakdown table (and the chart beside it): absent figure = nothing counted (0, no list). */
export interface FigureCell {
  figure: Figure | undefined
  value: number
  testId: string
}

export interface FigureColumn {
  key: string
  label: string
  colour: string
  /** Bars of the same stack are piled up. */
  stack?: string
}

export interface FigureRow {
  id: string
  label: string
  testId: string
  cells: Record<string, FigureCell>
}

/** A breakdown: rows (units, months, days) × columns (figure keys); the chart draws the same numbers. */
export interface FigureTableSpec {
  /** data-testid stem: rows `<stem>-row-<id>`, numbers `<stem>-<column>-<id>`. */
  stem: string
  rowHeader: string
  columns: FigureColumn[]
  rows: FigureRow[]
}

const t = (key: string, args: Record<string, unknown> = {}): string => i18n.global.t(key, args)

function cellsOf<C extends FigureColumn>(stem: string, id: string, columns: readonly C[], lookup: (column: C) => Figure | undefined): Record<string, FigureCell> {
  const cells: Record<string, FigureCell> = {}
  for (const column of columns) {
    const figure = lookup(column)
    cells[column.key] = { figure, value: figure?.value ?? 0, testId: `${stem}-${column.key}-${id}` }
  }
  return cells
}

function total(row: FigureRow, keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + (row.cells[key]?.value ?? 0), 0)
}

type KeyedColumn = FigureColumn & { figureKey: string }

/** The units a figure family names (dims.unitId), as rows labelled by the unit's name, keyed by its code. */
function unitRows(index: FigureIndex, stem: string, columns: readonly KeyedColumn[], unitName: (id: string) => string): FigureRow[] {
  const ids = new Set<string>()
  for (const column of columns) for (const figure of index.all(column.figureKey)) if (figure.dims?.unitId !== undefined) ids.add(figure.dims.unitId)
  return [...ids].map((id) => {
    const unit = index.unit(id)
    const code = unit?.code ?? id
    const cells = cellsOf(stem, code, columns, (column) => index.at(column.figureKey, 'unitId', id))
    return { id: code, label: unit?.name ?? unitName(id), testId: `${stem}-row-${code}`, cells }
  })
}

const byCode = (a: FigureRow, b: FigureRow): number => a.id.localeCompare(b.id)

/** 红黄预警 by unit: open assignments and rectification items past (red) or near (yellow) their deadline. */
export function warningTable(index: FigureIndex, unitName: (id: string) => string = () => ''): FigureTableSpec {
  const columns = [
    { key: 'red', label: t('dashboard.chart.assignmentsRed'), colour: '#f56c6c', stack: 'assignments', figureKey: 'warn.assignments.RED' },
    { key: 'yellow', label: t('dashboard.chart.assignmentsYellow'), colour: '#e6a23c', stack: 'assignments', figureKey: 'warn.assignments.YELLOW' },
    { key: 'rectRed', label: t('dashboard.chart.rectRed'), colour: '#c45656', stack: 'rect', figureKey: 'warn.rect.RED' },
    { key: 'rectYellow', label: t('dashboard.chart.rectYellow'), colour: '#eebe77', stack: 'rect', figureKey: 'warn.rect.YELLOW' },
  ]
  const rows = unitRows(index, 'warn', columns, unitName).sort(
    (a, b) => total(b, ['red', 'rectRed']) - total(a, ['red', 'rectRed']) || total(b, ['yellow', 'rectYellow']) - total(a, ['yellow', 'rectYellow']) || byCode(a, b),
  )
  return { stem: 'warn', rowHeader: t('dashboard.chart.unit'), columns: shown(columns), rows }
}

/** 整改完成情况 by unit: problems found in the period and how many of them are closed (销号). */
export function rectUnitTable(index: FigureIndex, unitName: (id: string) => string = () => ''): FigureTableSpec {
  const columns = [
    { key: 'found', label: t('dashboard.chart.found'), colour: '#409eff', figureKey: 'rect.unit.found' },
    { key: 'closed', label: t('dashboard.chart.closed'), colour: '#67c23a', figureKey: 'rect.unit.closed' },
  ]
  const rows = unitRows(index, 'rect-unit', columns, unitName).sort((a, b) => total(b, ['found']) - total(a, ['found']) || byCode(a, b))
  return { stem: 'rect-unit', rowHeader: t('dashboard.chart.unit'), columns: shown(columns), rows }
}

/** Rows of a figure family broken down by a date dimension (month, day), oldest first. */
function dateRows(index: FigureIndex, stem: string, dim: string, columns: readonly KeyedColumn[], label: (value: string) => string): FigureRow[] {
  const values = new Set<string>()
  for (const column of columns) for (const figure of index.all(column.figureKey)) if (figure.dims?.[dim] !== undefined) values.add(figure.dims[dim])
  return [...values].sort().map((value) => ({
    id: value,
    label: label(value),
    testId: `${stem}-row-${value}`,
    cells: cellsOf(stem, value, columns, (column) => index.at(column.figureKey, dim, value)),
  }))
}

/** The columns as the table and chart show them (without the figure keys they were looked up by). */
function shown(columns: readonly KeyedColumn[]): FigureColumn[] {
  return columns.map(({ figureKey: _key, ...column }) => column)
}

export function monthLabel(month: string): string {
  const { key, args } = periodNameKey({ kind: 'MONTH', year: Number(month.slice(0, 4)), index: Number(month.slice(5, 7)) })
  return t(key, args)
}

/** 办理趋势: per month of the period, the assignments issued and how many of them are done. */
export function trendTable(index: FigureIndex): FigureTableSpec {
  const columns = [
    { key: 'issued', label: t('dashboard.chart.issued'), colour: '#409eff', figureKey: 'trend.issued' },
    { key: 'done', label: t('dashboard.chart.done'), colour: '#67c23a', figureKey: 'trend.done' },
  ]
  return { stem: 'trend', rowHeader: t('dashboard.chart.month'), columns: shown(columns), rows: dateRows(index, 'trend', 'month', columns, monthLabel) }
}

export const CALENDAR_STATES = ['MET', 'LATE', 'MISSING', 'PENDING'] as const
const CALENDAR_COLOURS: Readonly<Record<(typeof CALENDAR_STATES)[number], string>> = { MET: '#67c23a', LATE: '#e6a23c', MISSING: '#f56c6c', PENDING: '#909399' }

/** 研判与报告日历: the days in the period something was due, and how each obligation stands. */
export function calendarTable(index: FigureIndex): FigureTableSpec {
  const columns = CALENDAR_STATES.map((state) => ({
    key: state,
    label: obligationStateLabel(undefined, state),
    colour: CALENDAR_COLOURS[state],
    stack: 'day',
    figureKey: `calendar.${state}`,
  }))
  return { stem: 'cal', rowHeader: t('dashboard.chart.day'), columns: shown(columns), rows: dateRows(index, 'cal', 'day', columns, (day) => day) }
}
