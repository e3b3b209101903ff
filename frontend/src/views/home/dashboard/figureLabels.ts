import { i18n, labelOf } from '@/i18n'
import { CATEGORIES } from '@/views/tasks/taskModel'
import { RECT_STATUSES } from '@/views/rectifications/rectModel'
import { RISK_LEVELS, obligationStateLabel } from '@/views/risks/riskModel'

/** Breakdown keys whose last part is an enum code with a label of its own elsewhere. */
const CODE_LABELS: readonly (readonly [prefix: string, labels: string])[] = [
  ['records.', 'category'],
  ['rect.status.', 'rect.status'],
  ['rect.source.', 'rect.source'],
  ['rect.category.', 'rect.category'],
  ['rect.severity.', 'rect.severity'],
  ['risks.level.', 'risk.level'],
  ['risks.category.', 'risk.category'],
  ['calendar.', 'risk.obligationState.any'],
]

/** The name of a figure (never its key): dashboard.figure.*, or the label of the code it breaks down by. */
export function figureLabel(key: string): string {
  for (const [prefix, labels] of CODE_LABELS) {
    if (key.startsWith(prefix)) return labelOf(labels, key.slice(prefix.length))
  }
  const obligation = /^obligations\.(REVIEW|REPORT)\.([A-Z]+)$/.exec(key)
  if (obligation !== null) return obligationStateLabel(obligation[1], obligation[2])
  const { t, te } = i18n.global
  const path = `dashboard.figure.${key}`
  return te(path) ? t(path) : ''
}

export function rateLabel(key: string): string {
  const { t, te } = i18n.global
  const path = `dashboard.rate.${key}`
  return te(path) ? t(path) : ''
}

/** One tile: a figure by key, its tone (colour of the number). */
export interface TileSpec {
  key: string
  tone?: 'danger' | 'warning' | 'success'
}

export interface SectionSpec {
  /** dashboard.section.* */
  title: string
  tiles: readonly TileSpec[]
  /** Rates shown under the tiles (both parts clickable). */
  rates?: readonly string[]
}

/** The key figures, by ledger, in the order the report states them. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    title: 'tasks',
    tiles: [
      { key: 'tasks.issued' },
      { key: 'tasks.done', tone: 'success' },
      { key: 'tasks.onTime', tone: 'success' },
      { key: 'tasks.late', tone: 'warning' },
      { key: 'tasks.overdue', tone: 'danger' },
      { key: 'tasks.urged', tone: 'warning' },
      { key: 'tasks.escalated', tone: 'danger' },
    ],
    rates: ['tasks.completionRate', 'tasks.onTimeRate'],
  },
  {
    title: 'rect',
    tiles: [
      { key: 'rect.found' },
      ...RECT_STATUSES.map((status) => ({ key: `rect.status.${status}`, ...(status === 'CLOSED' ? { tone: 'success' as const } : {}) })),
      { key: 'rect.closedOnTime', tone: 'success' },
      { key: 'rect.closedLate', tone: 'warning' },
    ],
    rates: ['rect.completionRate', 'rect.onTimeRate'],
  },
  {
    title: 'risks',
    tiles: [
      { key: 'risks.open' },
      ...RISK_LEVELS.map((level) => ({ key: `risks.level.${level}`, ...(level === 'MAJOR' ? { tone: 'danger' as const } : {}) })),
      { key: 'risks.ungraded', tone: 'warning' },
      { key: 'risks.levelChanged' },
      { key: 'risks.measuresDone', tone: 'success' },
    ],
  },
  {
    title: 'obligations',
    tiles: (['REVIEW', 'REPORT'] as const).flatMap((kind) =>
      (['MET', 'LATE', 'MISSING', 'PENDING'] as const).map((state) => ({
        key: `obligations.${kind}.${state}`,
        ...(state === 'MET' ? { tone: 'success' as const } : state === 'PENDING' ? {} : { tone: state === 'LATE' ? ('warning' as const) : ('danger' as const) }),
      })),
    ),
  },
  { title: 'records', tiles: CATEGORIES.map((category) => ({ key: `records.${category}` })) },
]

/** The breakdowns shown as compact lists (every code of the figure family the answer has). */
export const BREAKDOWNS: readonly { title: string; prefix: string }[] = [
  { title: 'rectSource', prefix: 'rect.source.' },
  { title: 'rectCategory', prefix: 'rect.category.' },
  { title: 'rectSeverity', prefix: 'rect.severity.' },
  { title: 'riskCategory', prefix: 'risks.category.' },
]
