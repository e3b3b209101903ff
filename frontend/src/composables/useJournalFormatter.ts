import { useI18n } from 'vue-i18n'
import { labelOf } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import { formatValue } from '@/utils/format'

export type JournalValueFormatter = (field: string, value: unknown) => string

/** Fields whose value is a unit id: shown as the unit's name when it is known. */
const UNIT_ID_FIELDS = new Set(['parentId', 'unitId'])

/**
 * Readable journal values: enum codes become labels and unit ids become names; everything else
 * is shown as stored. Used by the record timeline and the audit event drawer alike.
 */
export function useJournalFormatter(): JournalValueFormatter {
  const units = useUnitsStore()
  const { t } = useI18n()
  return (field, value) => {
    if (value === undefined || value === null || value === '') return '—'
    if (typeof value === 'string') {
      if (field === 'kind') return labelOf('unitKind', value)
      if (field === 'client') return labelOf('client', value)
      if (field === 'roles') return value.split(',').map((role) => labelOf('role', role.trim())).join('、')
      if (UNIT_ID_FIELDS.has(field)) return units.nameOf(value) || value
    }
    if (field === 'active' && typeof value === 'boolean') return value ? t('status.ACTIVE') : t('status.INACTIVE')
    return formatValue(value)
  }
}
