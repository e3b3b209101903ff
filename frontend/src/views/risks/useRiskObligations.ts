import { computed, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import type { components, operations } from '@/api/schema'
import { isDrilled, useDrillFilters, type DrillFilter } from '@/composables/useDrillFilters'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'
import { todayInAppZone } from '@/utils/format'
import { activeOnly } from '@/views/units/unitTree'
import type { ObligationKind, ObligationState, RiskObligation } from './riskModel'

export type ObligationSummary = components['schemas']['RiskObligationSummary']
type ObligationQuery = NonNullable<operations['listRiskObligations']['parameters']['query']>
type SummaryQuery = NonNullable<operations['getRiskObligationSummary']['parameters']['query']>

export interface ObligationFilters {
  [key: string]: string
  unitId: string
  kind: string
  state: string
  /** Due dates from / to (inclusive), YYYY-MM-DD. */
  from: string
  to: string
  /** One risk's obligations (the link from a risk page). */
  riskId: string
  /** From a figure's drill: 'true' = unitId and every unit below it. */
  subtree: string
}

/** The filters a drill sets that the form has no field for. */
export const OBLIGATION_DRILL_FILTERS: readonly DrillFilter[] = [{ kind: 'flag', key: 'subtree', value: 'true', label: 'subtree' }]

/** The period the summary counts: the chosen one, else the current calendar year (the endpoint needs one). */
export function summaryPeriod(from: string, to: string, today: string = todayInAppZone()): { from: string; to: string } {
  if (from !== '' && to !== '') return { from, to }
  const year = today.slice(0, 4)
  return { from: from !== '' ? from : `${year}-01-01`, to: to !== '' ? to : `${year}-12-31` }
}

export function obligationQuery(filters: Partial<ObligationFilters>): ObligationQuery {
  const query: ObligationQuery = {}
  if (filters.unitId) query.unitId = filters.unitId
  if (filters.kind) query.kind = filters.kind as ObligationKind
  if (filters.state) query.state = filters.state as ObligationState
  if (filters.from) query.from = filters.from
  if (filters.to) query.to = filters.to
  if (filters.riskId) query.riskId = filters.riskId
  if (filters.subtree === 'true') query.subtree = true
  return query
}

/** The summary's query: the period (else this year) and, like the list, the chosen unit and kind; a state or one risk does not narrow it. */
export function summaryQuery(filters: Pick<ObligationFilters, 'unitId' | 'kind' | 'from' | 'to'>, today?: string): SummaryQuery {
  const query: SummaryQuery = summaryPeriod(filters.from, filters.to, today)
  if (filters.unitId) query.unitId = filters.unitId
  if (filters.kind) query.kind = filters.kind as ObligationKind
  return query
}

/** State of 研判与报告 (/risk-obligations): what was due, how it was done, and the counts per unit. */
export function useRiskObligations() {
  const units = useUnitsStore()

  const table = usePagedTable<RiskObligation, ObligationFilters>({
    filters: { unitId: '', kind: '', state: '', from: '', to: '', riskId: '', subtree: '' },
    sort: '-dueAt',
    limit: 30,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/risk-obligations', {
          params: {
            query: {
              ...obligationQuery(filters),
              sort,
              limit,
              ...(isDrilled(filters, OBLIGATION_DRILL_FILTERS) ? { includeTotal: true } : {}),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
        }),
      ),
  })
  const { filters } = table
  const drill = useDrillFilters({ filters, search: () => search() }, OBLIGATION_DRILL_FILTERS)
  const exportQuery = computed(() => listExportQuery(table.applied.value, obligationQuery))

  const summary = shallowRef<ObligationSummary | null>(null)
  /** The unit and kind the shown summary counts (they may differ from the filters until the next search). */
  const summaryFor = shallowRef<{ unitId: string; kind: string }>({ unitId: '', kind: '' })
  const summaryLoading = ref(false)
  let summarySeq = 0

  async function loadSummary(): Promise<void> {
    const query = summaryQuery(filters)
    const seq = ++summarySeq
    summaryLoading.value = true
    try {
      const data = await call(api().GET('/api/v1/risk-obligations/summary', { params: { query } }))
      if (seq === summarySeq) {
        summary.value = data
        summaryFor.value = { unitId: query.unitId ?? '', kind: query.kind ?? '' }
      }
    } catch (error) {
      if (seq === summarySeq) handleApiError(error)
    } finally {
      if (seq === summarySeq) summaryLoading.value = false
    }
  }

  /** The date-range picker's value, kept in the two URL filters. */
  const period = computed<[string, string] | null>({
    get: () => {
      const range: [string, string] = [filters.from, filters.to]
      return filters.from !== '' && filters.to !== '' ? range : null
    },
    set: (value: [string, string] | null) => {
      filters.from = value?.[0] ?? ''
      filters.to = value?.[1] ?? ''
    },
  })

  /** The code of the one risk shown, from its rows (the filter itself is an id). */
  const riskCode = computed(() => (filters.riskId === '' ? '' : (table.items.value.find((row) => row.risk?.id === filters.riskId)?.risk?.code ?? '')))

  async function search(): Promise<void> {
    await table.search()
    void loadSummary()
  }

  async function reset(): Promise<void> {
    await table.reset()
    void loadSummary()
  }

  async function clearRisk(): Promise<void> {
    filters.riskId = ''
    await table.search()
  }

  const unitTree = computed(() => activeOnly(units.tree))

  void units.load().catch((error: unknown) => handleApiError(error))
  void loadSummary()

  return { table, drill, exportQuery, summary, summaryFor, summaryLoading, period, riskCode, unitTree, unitName: units.nameOf, search, reset, clearRisk }
}
