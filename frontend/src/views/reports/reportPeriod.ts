import { todayInAppZone } from '@/utils/format'
import type { ReportCreate } from './reportModel'

/** The kinds of period a report covers, in the order the picker offers them (the half-year first). */
export const PERIOD_KINDS = ['HALF_YEAR', 'QUARTER', 'MONTH', 'YEAR', 'RANGE'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** What the 起草报告 dialog's period pickers hold. */
export interface PeriodChoice {
  kind: PeriodKind
  /** "2026" (half-year, quarter, year). */
  year: string
  half: '1' | '2'
  quarter: '1' | '2' | '3' | '4'
  /** "2026-05". */
  month: string
  /** ["2026-01-01", "2026-03-31"], or empty. */
  range: string[]
}

/** The current half-year (Beijing time), with the other pickers on the same day's month and quarter. */
export function defaultPeriod(today: string = todayInAppZone()): PeriodChoice {
  const [year = '2026', monthText = '01'] = today.split('-')
  const month = Number(monthText)
  return {
    kind: 'HALF_YEAR',
    year,
    half: month <= 6 ? '1' : '2',
    quarter: String(Math.floor((month - 1) / 3) + 1) as PeriodChoice['quarter'],
    month: `${year}-${monthText}`,
    range: [],
  }
}

/** The period part of POST /reports (period code, or from/to); undefined while the choice is incomplete. */
export function periodRequest(choice: PeriodChoice): Pick<ReportCreate, 'period' | 'from' | 'to'> | undefined {
  const year = /^\d{4}$/.test(choice.year) ? choice.year : undefined
  switch (choice.kind) {
    case 'HALF_YEAR':
      return year === undefined ? undefined : { period: `${year}H${choice.half}` }
    case 'QUARTER':
      return year === undefined ? undefined : { period: `${year}Q${choice.quarter}` }
    case 'YEAR':
      return year === undefined ? undefined : { period: year }
    case 'MONTH':
      return /^\d{4}-\d{2}$/.test(choice.month) ? { period: choice.month } : undefined
    case 'RANGE': {
      const [from, to] = choice.range
      return from !== undefined && to !== undefined && from !== '' && to !== '' ? { from, to } : undefined
    }
  }
}
