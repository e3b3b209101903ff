import { HIDDEN_JOURNAL_FIELDS, type JournalValueFormatter } from '@/composables/useJournalFormatter'
import { formatDateTime } from '@/utils/format'
import { riskLabel, type RiskLabelKind } from './riskModel'

/** Internal ids the risk journal keeps for linking; the timeline does not show them. */
export const RISK_HIDDEN_FIELDS: readonly string[] = [...HIDDEN_JOURNAL_FIELDS, 'gradingId', 'measureId', 'reviewId', 'reportId', 'obligationId']

/** Risk fields whose values are codes with risk labels (the shared ones mean other things: status CLOSED 已销号). */
const RISK_CODE_FIELDS: Readonly<Record<string, RiskLabelKind>> = {
  level: 'level',
  residualLevel: 'level',
  previousLevel: 'level',
  status: 'status',
  category: 'category',
  cycle: 'cycle',
  reviewCycle: 'cycle',
  kind: 'obligationKind',
}

const INSTANT_FIELDS = new Set(['dueAt', 'fulfilledAt'])

/** The timeline's values for a risk: risk labels for its codes, Beijing time for instants, else the shared rules. */
export function riskJournalFormatter(fallback: JournalValueFormatter): JournalValueFormatter {
  return (field, value) => {
    if (typeof value === 'string' && value !== '') {
      const kind = RISK_CODE_FIELDS[field]
      if (kind !== undefined) return riskLabel(kind, value)
      if (INSTANT_FIELDS.has(field)) return formatDateTime(value)
    }
    return fallback(field, value)
  }
}
