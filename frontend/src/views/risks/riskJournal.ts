import { HIDDEN_JOURNAL_FIELDS, withCodeLabels, type CodeLabeller, type JournalValueFormatter } from '@/composables/useJournalFormatter'
import { formatDateTime } from '@/utils/format'
import { riskLabel, type RiskLabelKind } from './riskModel'

/** Internal ids the risk journal keeps for linking; the timeline does not show them. */
export const RISK_HIDDEN_FIELDS: readonly string[] = [...HIDDEN_JOURNAL_FIELDS, 'gradingId', 'measureId', 'reviewId', 'reportId', 'obligationId']

const label =
  (kind: RiskLabelKind): CodeLabeller =>
  (code) =>
    riskLabel(kind, code)

/** Risk fields with risk labels (the shared ones mean other things: status CLOSED 已销号), and instants in Beijing time. */
const RISK_FIELDS: Readonly<Record<string, CodeLabeller>> = {
  level: label('level'),
  residualLevel: label('level'),
  previousLevel: label('level'),
  status: label('status'),
  category: label('category'),
  cycle: label('cycle'),
  reviewCycle: label('cycle'),
  kind: label('obligationKind'),
  measureStatus: label('measureStatus'),
  dueAt: formatDateTime,
  fulfilledAt: formatDateTime,
}

/** The timeline's values for a risk: risk labels for its codes, Beijing time for instants, else the shared rules. */
export function riskJournalFormatter(fallback: JournalValueFormatter): JournalValueFormatter {
  return withCodeLabels(RISK_FIELDS, fallback)
}
