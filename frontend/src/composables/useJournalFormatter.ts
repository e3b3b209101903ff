import { useI18n } from 'vue-i18n'
import { labelOf } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import { formatBytes, formatValue } from '@/utils/format'

export type JournalValueFormatter = (field: string, value: unknown) => string

/** Fields whose value is a unit id: shown as the unit's name when it is known. */
const UNIT_ID_FIELDS = new Set(['parentId', 'unitId', 'issuingUnitId'])
/** Fields whose value is an enum code with its own labels (i18n prefix). */
const CODE_FIELDS: Readonly<Record<string, string>> = {
  kind: 'unitKind',
  client: 'client',
  status: 'status',
  category: 'category',
  priority: 'priority',
  recurrence: 'recurrence',
  role: 'assignmentRole',
  originType: 'originType',
}

/** Internal ids journaled for linking records; the timeline does not show them. */
export const HIDDEN_JOURNAL_FIELDS: readonly string[] = [
  'taskId',
  'templateId',
  'progressId',
  'recordId',
  'urgeId',
  'attachmentId',
  'originId',
  'closureId',
]

/** A code's label for one ledger's field (its own words: a risk's CLOSED is 已关闭, an item's 已销号). */
export type CodeLabeller = (code: string) => string

/**
 * A ledger's timeline values: its own labels for the code fields it names, otherwise the shared
 * rules. Each ledger states only its map (see riskJournal.ts, rectJournal.ts).
 */
export function withCodeLabels(fields: Readonly<Record<string, CodeLabeller>>, fallback: JournalValueFormatter): JournalValueFormatter {
  return (field, value) => {
    const label = fields[field]
    if (label !== undefined && typeof value === 'string' && value !== '') return label(value)
    return fallback(field, value)
  }
}

/**
 * Readable journal values: enum codes become labels and unit ids become names; everything else
 * is shown as stored. Used by the record timeline and the audit event drawer alike.
 */
export function useJournalFormatter(): JournalValueFormatter {
  const units = useUnitsStore()
  const { t } = useI18n()
  const unitName = (id: string): string => units.nameOf(id) || id
  return (field, value) => {
    if (value === undefined || value === null || value === '') return '—'
    if (typeof value === 'string') {
      const prefix = CODE_FIELDS[field]
      if (prefix !== undefined) return labelOf(prefix, value)
      if (field === 'roles') return value.split(',').map((role) => labelOf('role', role.trim())).join('、')
      if (field === 'onTime') return labelOf('warning', value)
      // Events before originType / originId were journaled apart: "RISK_REVIEW:<id>".
      if (field === 'origin') return labelOf('originType', value.split(':')[0])
      if (UNIT_ID_FIELDS.has(field)) return unitName(value)
    }
    if (field === 'active' && typeof value === 'boolean') return value ? t('status.ACTIVE') : t('status.INACTIVE')
    if (field === 'onTime' && typeof value === 'boolean') return t(value ? 'warning.ON_TIME' : 'warning.LATE')
    if (field === 'percent' && typeof value === 'number') return `${value}%`
    if (field === 'sizeBytes' && typeof value === 'number') return formatBytes(value)
    // An issue plan: [{unitId, role}, …] → "体育场馆管理中心（牵头）、体育运动学校（配合）".
    if (field === 'units' && Array.isArray(value)) {
      return value
        .map((entry: unknown) => {
          if (entry === null || typeof entry !== 'object') return formatValue(entry)
          const { unitId, role } = entry as { unitId?: unknown; role?: unknown }
          // A unit outside the reader's scope has no name here: say so rather than show an id.
          const name = typeof unitId === 'string' ? units.nameOf(unitId) || t('timeline.otherUnit') : ''
          return typeof role === 'string' ? `${name}（${labelOf('assignmentRole', role)}）` : name
        })
        .join('、')
    }
    return formatValue(value)
  }
}
