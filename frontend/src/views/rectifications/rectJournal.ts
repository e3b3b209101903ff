import { withCodeLabels, type CodeLabeller, type JournalValueFormatter } from '@/composables/useJournalFormatter'
import { rectLabel, type RectLabelKind } from './rectModel'

const label =
  (kind: RectLabelKind): CodeLabeller =>
  (code) =>
    rectLabel(kind, code)

/** Item fields with the rectification ledger's labels (the shared status PENDING is 待签收, an item's 待整改). */
const RECT_FIELDS: Readonly<Record<string, CodeLabeller>> = {
  status: label('status'),
  source: label('source'),
  category: label('category'),
  severity: label('severity'),
  kind: label('kind'),
  measureStatus: label('measureStatus'),
}

/** The timeline's values for a rectification item: its own labels for its codes, else the shared rules. */
export function rectJournalFormatter(fallback: JournalValueFormatter): JournalValueFormatter {
  return withCodeLabels(RECT_FIELDS, fallback)
}
