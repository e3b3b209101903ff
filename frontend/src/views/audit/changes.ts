import { formatValue } from '@/utils/format'

export interface ChangeRow {
  field: string
  before: string
  after: string
}

export type ValueFormatter = (field: string, value: unknown) => string

const plain: ValueFormatter = (_field, value) => formatValue(value)

/** `changes` is {field: {before?, after}}; a bare value counts as "after". */
export function changeRows(changes: Record<string, unknown> | undefined | null, format: ValueFormatter = plain): ChangeRow[] {
  if (changes === undefined || changes === null) return []
  return Object.entries(changes).map(([field, change]) => {
    if (change !== null && typeof change === 'object' && !Array.isArray(change) && ('before' in change || 'after' in change)) {
      const { before, after } = change as { before?: unknown; after?: unknown }
      return { field, before: before === undefined ? '—' : format(field, before), after: format(field, after) }
    }
    return { field, before: '—', after: format(field, change) }
  })
}
