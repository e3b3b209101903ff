import { todayInAppZone } from '@/utils/format'

/** The periods the dashboard offers (the API also takes a free from/to range, which the picker does not). */
export const PERIOD_KINDS = ['HALF_YEAR', 'QUARTER', 'MONTH', 'YEAR'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** A period: the year and its half (1–2), quarter (1–4) or month (1–12); 0 for a whole year. */
export interface PeriodRef {
  kind: PeriodKind
  year: number
  index: number
}

const PARTS: Readonly<Record<PeriodKind, number>> = { HALF_YEAR: 2, QUARTER: 4, MONTH: 12, YEAR: 1 }

/** The API's period code: 2026H2, 2026Q3, 2026-07, 2026. */
export function periodCode(period: PeriodRef): string {
  switch (period.kind) {
    case 'HALF_YEAR':
      return `${period.year}H${period.index}`
    case 'QUARTER':
      return `${period.year}Q${period.index}`
    case 'MONTH':
      return `${period.year}-${String(period.index).padStart(2, '0')}`
    case 'YEAR':
      return String(period.year)
  }
}

/** A period from its code; null for anything else (a hand-edited URL). */
export function parsePeriod(code: string | undefined | null): PeriodRef | null {
  if (code === undefined || code === null) return null
  let match = /^(\d{4})H([12])$/.exec(code)
  if (match !== null) return { kind: 'HALF_YEAR', year: Number(match[1]), index: Number(match[2]) }
  match = /^(\d{4})Q([1-4])$/.exec(code)
  if (match !== null) return { kind: 'QUARTER', year: Number(match[1]), index: Number(match[2]) }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code)
  if (match !== null) return { kind: 'MONTH', year: Number(match[1]), index: Number(match[2]) }
  match = /^(\d{4})$/.exec(code)
  if (match !== null) return { kind: 'YEAR', year: Number(match[1]), index: 0 }
  return null
}

/** The period of this kind that holds `today` (YYYY-MM-DD, Beijing time by default). */
export function currentPeriod(kind: PeriodKind, today: string = todayInAppZone()): PeriodRef {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  switch (kind) {
    case 'HALF_YEAR':
      return { kind, year, index: month <= 6 ? 1 : 2 }
    case 'QUARTER':
      return { kind, year, index: Math.ceil(month / 3) }
    case 'MONTH':
      return { kind, year, index: month }
    case 'YEAR':
      return { kind, year, index: 0 }
  }
}

/** The period before this one (2026H1 before 2026H2, 2025Q4 before 2026Q1). */
export function previousPeriod(period: PeriodRef): PeriodRef {
  if (period.kind === 'YEAR') return { ...period, year: period.year - 1 }
  return period.index > 1 ? { ...period, index: period.index - 1 } : { ...period, year: period.year - 1, index: PARTS[period.kind] }
}

/** The current period of the kind and the `count - 1` before it, newest first (the picker's choices). */
export function recentPeriods(kind: PeriodKind, count: number, today?: string): PeriodRef[] {
  const periods: PeriodRef[] = []
  let period = currentPeriod(kind, today)
  for (let i = 0; i < count; i += 1) {
    periods.push(period)
    period = previousPeriod(period)
  }
  return periods
}

/** How many choices each kind offers: about three years back. */
export const PERIOD_CHOICES: Readonly<Record<PeriodKind, number>> = { HALF_YEAR: 6, QUARTER: 12, MONTH: 36, YEAR: 5 }

/** The i18n key and arguments of a period's name (dashboard.periodName.*). */
export function periodNameKey(period: PeriodRef): { key: string; args: Record<string, number> } {
  switch (period.kind) {
    case 'HALF_YEAR':
      return { key: `dashboard.periodName.H${period.index}`, args: { year: period.year } }
    case 'QUARTER':
      return { key: `dashboard.periodName.Q${period.index}`, args: { year: period.year } }
    case 'MONTH':
      return { key: 'dashboard.periodName.month', args: { year: period.year, month: period.index } }
    case 'YEAR':
      return { key: 'dashboard.periodName.year', args: { year: period.year } }
  }
}
