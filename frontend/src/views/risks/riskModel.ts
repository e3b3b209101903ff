import type { components } from '@/api/schema'
import type { TagType } from '@/components/status'
import { labelOf } from '@/i18n'

export type Risk = components['schemas']['Risk']
export type RiskDetail = components['schemas']['RiskDetail']
export type RiskMeasure = components['schemas']['Measure']
export type RiskGrading = components['schemas']['RiskGrading']
export type RiskReview = components['schemas']['RiskReview']
export type RiskReport = components['schemas']['RiskReport']
export type RiskObligation = components['schemas']['RiskObligation']
export type RiskLink = components['schemas']['RiskLink']
export type RiskMatrix = components['schemas']['RiskMatrix']
export type RiskLevel = components['schemas']['RiskLevel']
export type RiskCategory = components['schemas']['RiskCategory']
export type RiskStatus = components['schemas']['RiskStatus']
export type RiskReviewCycle = components['schemas']['RiskReviewCycle']
export type RiskReviewState = components['schemas']['RiskReviewState']
export type RiskBasis = components['schemas']['RiskBasis']
export type RiskGradingSource = components['schemas']['RiskGradingSource']
export type ObligationKind = components['schemas']['RiskObligationKind']
export type ObligationState = components['schemas']['RiskObligationState']
export type ObligationCount = components['schemas']['RiskObligationCount']

/** Highest first: the order of legends, filters and the level column. */
export const RISK_LEVELS: readonly RiskLevel[] = ['MAJOR', 'SIGNIFICANT', 'GENERAL', 'LOW']
export const RISK_CATEGORIES: readonly RiskCategory[] = ['IDEOLOGY', 'SECRECY', 'INTEGRITY', 'PUBLIC_OPINION', 'WORK_STYLE', 'OTHER']
export const RISK_STATUSES: readonly RiskStatus[] = ['IDENTIFIED', 'CONTROLLING', 'CONTROLLED', 'CLOSED']
export const REVIEW_CYCLES: readonly RiskReviewCycle[] = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY']
export const REVIEW_STATES: readonly RiskReviewState[] = ['RED', 'YELLOW', 'GREEN', 'NONE']
export const OBLIGATION_KINDS: readonly ObligationKind[] = ['REVIEW', 'REPORT']
export const OBLIGATION_STATES: readonly ObligationState[] = ['PENDING', 'MET', 'LATE', 'MISSING', 'CANCELLED']
/** Likelihood and impact are each scored 1–5. */
export const SCALE: readonly number[] = [1, 2, 3, 4, 5]

export type RiskLabelKind = 'level' | 'category' | 'status' | 'cycle' | 'reviewState' | 'gradingSource' | 'measureStatus' | 'obligationKind' | 'basis'

/** Labels live under risk.* (the shared status.* keys mean other things, e.g. CLOSED 已销号). */
export function riskLabel(kind: RiskLabelKind, code: string | undefined | null): string {
  return labelOf(`risk.${kind}`, code)
}

/** An obligation's state reads differently for a review (逾期研判) and a report (迟报、漏报). */
export function obligationStateLabel(kind: string | undefined | null, state: string | undefined | null): string {
  if (state === undefined || state === null || state === '') return ''
  const byKind = kind === 'REVIEW' || kind === 'REPORT' ? labelOf(`risk.obligationState.${kind}`, state) : state
  return byKind !== state ? byKind : labelOf('risk.obligationState.any', state)
}

/** Late and missing are what the report demands to eliminate (杜绝迟报、漏报): red. */
export const OBLIGATION_STATE_TAG: Readonly<Record<ObligationState, TagType>> = {
  PENDING: 'warning',
  MET: 'success',
  LATE: 'danger',
  MISSING: 'danger',
  CANCELLED: 'info',
}

export function isObligationFailed(state: string | undefined | null): boolean {
  return state === 'LATE' || state === 'MISSING'
}

export const RISK_STATUS_TAG: Readonly<Record<RiskStatus, TagType>> = {
  IDENTIFIED: 'warning',
  CONTROLLING: 'primary',
  CONTROLLED: 'success',
  CLOSED: 'info',
}

/** The four-colour scheme when the matrix has not said otherwise (重大 red / 较大 orange / 一般 yellow / 低 blue). */
export const DEFAULT_LEVEL_COLOURS: Readonly<Record<RiskLevel, string>> = {
  MAJOR: '#d9001b',
  SIGNIFICANT: '#f59a23',
  GENERAL: '#f7d51d',
  LOW: '#409eff',
}

export function levelColour(level: string | undefined | null, matrix?: Pick<RiskMatrix, 'colours'> | null): string {
  if (level === undefined || level === null) return '#c0c4cc'
  const configured = matrix?.colours?.[level]
  if (configured !== undefined && /^#[0-9a-fA-F]{6}$/.test(configured)) return configured
  return DEFAULT_LEVEL_COLOURS[level as RiskLevel] ?? '#c0c4cc'
}

/** Dark text on light fills (the yellow of 一般), white on the others: WCAG relative luminance. */
export function textColourOn(hex: string): string {
  const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(hex)
  if (match === null) return '#303133'
  const channel = (value: string): number => {
    const c = Number.parseInt(value, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(match[1] ?? '0') + 0.7152 * channel(match[2] ?? '0') + 0.0722 * channel(match[3] ?? '0')
  return luminance > 0.4 ? '#303133' : '#ffffff'
}

export type Thresholds = Pick<RiskMatrix, 'majorMin' | 'significantMin' | 'generalMin'>

/** The matrix's rule: score ≥ majorMin is 重大, ≥ significantMin 较大, ≥ generalMin 一般, else 低. */
export function levelOfScore(matrix: Thresholds, score: number): RiskLevel {
  if (matrix.majorMin !== undefined && score >= matrix.majorMin) return 'MAJOR'
  if (matrix.significantMin !== undefined && score >= matrix.significantMin) return 'SIGNIFICANT'
  if (matrix.generalMin !== undefined && score >= matrix.generalMin) return 'GENERAL'
  return 'LOW'
}

export interface GradePreview {
  score: number
  level: RiskLevel
}

/** The live preview of a grading form; undefined until both values are chosen. */
export function gradePreview(
  matrix: Thresholds | null | undefined,
  likelihood: number | null | undefined,
  impact: number | null | undefined,
): GradePreview | undefined {
  if (matrix === null || matrix === undefined) return undefined
  if (likelihood === null || likelihood === undefined || impact === null || impact === undefined) return undefined
  if (!SCALE.includes(likelihood) || !SCALE.includes(impact)) return undefined
  const score = likelihood * impact
  return { score, level: levelOfScore(matrix, score) }
}

/** -1 / 0 / 1: whether a grade went down, stayed or went up (the review dialog says so). */
export function levelChange(before: string | undefined | null, after: string | undefined | null): -1 | 0 | 1 {
  const rank = (level: string | undefined | null): number => {
    const index = RISK_LEVELS.indexOf(level as RiskLevel)
    return index < 0 ? -1 : RISK_LEVELS.length - index
  }
  const a = rank(before)
  const b = rank(after)
  return a === b ? 0 : b > a ? 1 : -1
}

/** "3 可能发生": the score and the matrix's label for it. */
export function scaleLabel(labels: readonly string[] | undefined, value: number): string {
  const label = labels?.[value - 1]
  return label === undefined || label === '' ? String(value) : `${value} ${label}`
}

/** Where a review's follow-up record lives in the SPA. */
export function linkRoute(link: Pick<RiskLink, 'type' | 'id'>): string | undefined {
  if (link.id === undefined) return undefined
  if (link.type === 'rectification') return `/rectifications/${link.id}`
  if (link.type === 'task') return `/tasks/${link.id}`
  return undefined
}

/** The detail page's tabs; `?tab=` names one (to-dos link straight to reviews or reports). */
export const DETAIL_TABS = ['measures', 'gradings', 'reviews', 'reports', 'obligations', 'timeline'] as const
export type DetailTab = (typeof DETAIL_TABS)[number]

export function detailTab(value: unknown): DetailTab {
  return typeof value === 'string' && (DETAIL_TABS as readonly string[]).includes(value) ? (value as DetailTab) : 'measures'
}

/** A review is due by a day, a report by a moment (e.g. 24 h after the raise to 重大). */
export function obligationDue(obligation: Pick<RiskObligation, 'kind' | 'dueOn' | 'dueAt'>, formatInstant: (value: string) => string): string {
  if (obligation.kind === 'REPORT' && obligation.dueAt !== undefined) return formatInstant(obligation.dueAt)
  return obligation.dueOn ?? ''
}
