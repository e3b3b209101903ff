import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { handleApiError } from '@/api/errors'
import { i18n } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import type { FilterValues } from './usePagedTable'

/**
 * A filter a list takes from a figure's drill (GET /statistics) but has no field of its own for:
 * a day range, a unit (with or without the units below), a yes/no flag.
 */
export type DrillFilter =
  | { kind: 'range'; from: string; to: string; /** dashboard.drill.* */ label: string }
  | { kind: 'unit'; key: string }
  | { kind: 'flag'; key: string; value: string; /** dashboard.drill.* */ label: string }

export interface DrillChip {
  key: string
  label: string
}

function keysOf(filter: DrillFilter): string[] {
  return filter.kind === 'range' ? [filter.from, filter.to] : [filter.key]
}

/** Every URL key of these filters. */
export function drillKeys(filters: readonly DrillFilter[]): string[] {
  return filters.flatMap(keysOf)
}

/** Whether any of these filters is set (the list then shows a figure's records). */
export function isDrilled(values: Partial<FilterValues>, filters: readonly DrillFilter[]): boolean {
  return drillKeys(filters).some((key) => (values[key] ?? '') !== '')
}

/** The set filters in words (a unit by its name, never its id). */
export function drillChips(values: Partial<FilterValues>, filters: readonly DrillFilter[], unitName: (id: string) => string): DrillChip[] {
  const t = (key: string, args: Record<string, unknown> = {}): string => i18n.global.t(key, args)
  const chips: DrillChip[] = []
  for (const filter of filters) {
    if (filter.kind === 'range') {
      const from = values[filter.from] ?? ''
      const to = values[filter.to] ?? ''
      if (from === '' && to === '') continue
      const label = t(`dashboard.drill.${filter.label}`)
      const text = from !== '' && to !== '' ? t('dashboard.drill.range', { label, from, to }) : from !== '' ? t('dashboard.drill.since', { label, from }) : t('dashboard.drill.until', { label, to })
      chips.push({ key: filter.from, label: text })
    } else if (filter.kind === 'unit') {
      const id = values[filter.key] ?? ''
      if (id === '') continue
      const name = unitName(id)
      chips.push({ key: filter.key, label: t('dashboard.drill.unit', { name: name === '' ? t('dashboard.drill.unitUnknown') : name }) })
    } else if ((values[filter.key] ?? '') === filter.value) {
      chips.push({ key: filter.key, label: t(`dashboard.drill.${filter.label}`) })
    }
  }
  return chips
}

/** The drill filters of a list page: whether one is set, its words, and a way back to the plain list. */
export function useDrillFilters<F extends FilterValues>(table: { filters: F; search: () => Promise<void> }, filters: readonly DrillFilter[]) {
  const units = useUnitsStore()
  const { locale } = useI18n()
  void units.load().catch((error: unknown) => handleApiError(error))

  const active = computed(() => isDrilled(table.filters, filters))
  const chips = computed(() => {
    void locale.value
    return drillChips(table.filters, filters, units.nameOf)
  })

  async function clear(): Promise<void> {
    for (const key of drillKeys(filters)) (table.filters as FilterValues)[key] = ''
    await table.search()
  }

  return { active, chips, clear }
}
