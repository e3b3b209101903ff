import type { operations } from '@/api/schema'
import type { DrillFilter } from '@/composables/useDrillFilters'
import { SCALE, type RiskBasis, type RiskCategory, type RiskLevel, type RiskReviewState, type RiskStatus } from './riskModel'

export type RiskListQuery = NonNullable<operations['listRisks']['parameters']['query']>
export type RiskHeatmapQuery = NonNullable<operations['getRiskHeatmap']['parameters']['query']>

/** The list page's filters as they sit in the URL ('' = not set). */
export interface RiskListFilters {
  [key: string]: string
  q: string
  level: string
  category: string
  unitId: string
  status: string
  reviewState: string
  graded: string
  /** '' is the default, INHERENT. */
  basis: string
  /** The heat-map square (both or neither). */
  likelihood: string
  impact: string
  // From a figure's drill (GET /statistics), shown as "来自统计".
  /** 'true': every status but CLOSED. */
  open: string
  /** 'true': unitId and every unit below it. */
  subtree: string
  levelChangedFrom: string
  levelChangedTo: string
  measuresDoneFrom: string
  measuresDoneTo: string
}

export const EMPTY_RISK_FILTERS: Readonly<RiskListFilters> = {
  q: '',
  level: '',
  category: '',
  unitId: '',
  status: '',
  reviewState: '',
  graded: '',
  basis: '',
  likelihood: '',
  impact: '',
  open: '',
  subtree: '',
  levelChangedFrom: '',
  levelChangedTo: '',
  measuresDoneFrom: '',
  measuresDoneTo: '',
}

/** The filters a drill sets that the form has no field for. */
export const RISK_DRILL_FILTERS: readonly DrillFilter[] = [
  { kind: 'flag', key: 'subtree', value: 'true', label: 'subtree' },
  { kind: 'flag', key: 'open', value: 'true', label: 'open' },
  { kind: 'range', from: 'levelChangedFrom', to: 'levelChangedTo', label: 'levelChanged' },
  { kind: 'range', from: 'measuresDoneFrom', to: 'measuresDoneTo', label: 'measuresDone' },
]

function scaleValue(value: string | undefined): number | undefined {
  const number = Number(value)
  return value !== undefined && value !== '' && SCALE.includes(number) ? number : undefined
}

/**
 * The heat map's query: the list's filters without the square itself (the map shows where the
 * filtered risks lie; the square then narrows the list).
 */
export function heatmapQuery(filters: Partial<RiskListFilters>): RiskHeatmapQuery {
  const query: RiskHeatmapQuery = { basis: (filters.basis === 'RESIDUAL' ? 'RESIDUAL' : 'INHERENT') satisfies RiskBasis }
  const q = filters.q?.trim()
  if (q !== undefined && q !== '') query.q = q
  if (filters.level) query.level = filters.level as RiskLevel
  if (filters.category) query.category = filters.category as RiskCategory
  if (filters.unitId) query.unitId = filters.unitId
  if (filters.status) query.status = filters.status as RiskStatus
  if (filters.reviewState) query.reviewState = filters.reviewState as RiskReviewState
  if (filters.graded === 'true' || filters.graded === 'false') query.graded = filters.graded === 'true'
  if (filters.open === 'true') query.open = true
  if (filters.subtree === 'true') query.subtree = true
  if (filters.levelChangedFrom) query.levelChangedFrom = filters.levelChangedFrom
  if (filters.levelChangedTo) query.levelChangedTo = filters.levelChangedTo
  if (filters.measuresDoneFrom) query.measuresDoneFrom = filters.measuresDoneFrom
  if (filters.measuresDoneTo) query.measuresDoneTo = filters.measuresDoneTo
  return query
}

/** The list's query: the heat map's plus the square (only when both values are valid). */
export function riskListQuery(filters: Partial<RiskListFilters>): RiskListQuery {
  const query: RiskListQuery = { ...heatmapQuery(filters) }
  const likelihood = scaleValue(filters.likelihood)
  const impact = scaleValue(filters.impact)
  if (likelihood !== undefined && impact !== undefined) {
    query.likelihood = likelihood
    query.impact = impact
  }
  return query
}
