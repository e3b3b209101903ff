import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type RouteLocationRaw } from 'vue-router'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import type { components } from '@/api/schema'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import { activeOnly } from '@/views/units/unitTree'
import { currentPeriod, parsePeriod, periodCode, type PeriodRef } from './periods'

export type Statistics = components['schemas']['Statistics']
export type Figure = components['schemas']['Figure']
export type Rate = components['schemas']['Rate']
export type Drill = components['schemas']['Drill']
export type DrillList = components['schemas']['DrillList']
export type UnitRef = components['schemas']['UnitRef']

/** The roles the dashboard is for: the bureau's (whole scope) and the unit officers (their units). */
export const DASHBOARD_ROLES = ['leader', 'supervisor', 'admin', 'unit_officer'] as const

/** The list page each drill opens (route names). */
export const DRILL_ROUTES: Readonly<Record<DrillList, string>> = {
  ASSIGNMENTS: 'assignments',
  RECORDS: 'records',
  RECTIFICATIONS: 'rectifications',
  RISKS: 'risks',
  OBLIGATIONS: 'risk-obligations',
}

/** The list route of a figure's drill, with exactly its query; null when there is nothing to open. */
export function drillRoute(drill: Drill | undefined): (RouteLocationRaw & { name: string; query: Record<string, string> }) | null {
  if (drill?.list === undefined) return null
  const name = DRILL_ROUTES[drill.list] as string | undefined
  if (name === undefined) return null
  return { name, query: { ...(drill.query ?? {}) } }
}

export interface Trend {
  direction: 'up' | 'down' | 'flat'
  /** Always ≥ 0: how much more or less than before. */
  delta: number
  previous: number
}

/** The change against the previous period; null when the figure has no previous value. */
export function trendOf(figure: Pick<Figure, 'value' | 'previous'> | undefined): Trend | null {
  if (figure?.previous === undefined || figure.previous === null) return null
  const value = figure.value ?? 0
  const difference = value - figure.previous
  return { direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'flat', delta: Math.abs(difference), previous: figure.previous }
}

/** Figure lookups over one answer: by key, and by key and one dimension's value. */
export interface FigureIndex {
  /** The dims-free figure of a key. */
  one: (key: string) => Figure | undefined
  /** Every figure of a key (the breakdowns: one per unit, month, day). */
  all: (key: string) => Figure[]
  /** The figure of a key for one value of a dimension (e.g. unitId). */
  at: (key: string, dim: string, value: string) => Figure | undefined
  rate: (key: string) => Rate | undefined
  unit: (id: string | undefined) => UnitRef | undefined
}

export function figureIndex(statistics: Statistics | null | undefined): FigureIndex {
  const byKey = new Map<string, Figure[]>()
  for (const figure of statistics?.figures ?? []) {
    if (figure.key === undefined) continue
    const list = byKey.get(figure.key)
    if (list === undefined) byKey.set(figure.key, [figure])
    else list.push(figure)
  }
  const rates = new Map((statistics?.rates ?? []).map((rate) => [rate.key ?? '', rate]))
  const all = (key: string): Figure[] => byKey.get(key) ?? []
  return {
    all,
    one: (key) => all(key).find((figure) => Object.keys(figure.dims ?? {}).length === 0),
    at: (key, dim, value) => all(key).find((figure) => figure.dims?.[dim] === value),
    rate: (key) => rates.get(key),
    unit: (id) => (id === undefined ? undefined : statistics?.units?.[id]),
  }
}

function firstString(value: LocationQuery[string] | undefined): string {
  if (Array.isArray(value)) return firstString(value[0] ?? undefined)
  return typeof value === 'string' ? value : ''
}

/** The default period: the current half-year. */
export function defaultPeriod(today?: string): PeriodRef {
  return currentPeriod('HALF_YEAR', today)
}

/** The dashboard's state in the home page's URL: `period` (absent: the current half-year) and `unitId`. */
export function dashboardState(query: LocationQuery, today?: string): { period: PeriodRef; unitId: string } {
  return { period: parsePeriod(firstString(query.period)) ?? defaultPeriod(today), unitId: firstString(query.unitId) }
}

/** The URL query for a state: only what differs from the defaults, other keys kept. */
export function dashboardQuery(query: LocationQuery, period: PeriodRef, unitId: string, today?: string): LocationQuery {
  const next: LocationQuery = { ...query }
  delete next.period
  delete next.unitId
  const code = periodCode(period)
  if (code !== periodCode(defaultPeriod(today))) next.period = code
  if (unitId !== '') next.unitId = unitId
  return next
}

/** The dashboard on the home page: the figures of the chosen period and unit, each opening its list. */
export function useDashboard() {
  const route = useRoute()
  const router = useRouter()
  const units = useUnitsStore()
  const user = useUserStore()

  const statistics = shallowRef<Statistics | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  let seq = 0

  const state = computed(() => dashboardState(route.query))
  const period = computed(() => state.value.period)
  const unitId = computed(() => state.value.unitId)
  const index = computed(() => figureIndex(statistics.value))
  const visible = computed(() => DASHBOARD_ROLES.some((role) => user.roles.includes(role)))

  async function load(): Promise<void> {
    if (!visible.value) return
    const current = ++seq
    loading.value = true
    try {
      const query = { period: periodCode(period.value), ...(unitId.value === '' ? {} : { unitId: unitId.value }) }
      const data = await call(api().GET('/api/v1/statistics', { params: { query } }))
      if (current === seq) {
        statistics.value = data
        failed.value = false
      }
    } catch (error) {
      if (current === seq) {
        failed.value = true
        handleApiError(error)
      }
    } finally {
      if (current === seq) loading.value = false
    }
  }

  async function setState(next: PeriodRef, nextUnit: string): Promise<void> {
    await router.replace({ query: dashboardQuery(route.query, next, nextUnit) })
  }

  const setPeriod = (next: PeriodRef): Promise<void> => setState(next, unitId.value)
  const setUnit = (next: string): Promise<void> => setState(period.value, next)

  /** Opens the list of exactly the records a figure counts. */
  async function open(figure: Figure | undefined): Promise<void> {
    const target = drillRoute(figure?.drill)
    if (target !== null) await router.push(target)
  }

  const homeName = route.name
  watch(
    () => [periodCode(period.value), unitId.value] as const,
    () => {
      if (route.name === homeName) void load()
    },
  )

  const unitTree = computed(() => activeOnly(units.tree))
  void units.load().catch((error: unknown) => handleApiError(error))
  void load()

  return { statistics, loading, failed, visible, period, unitId, index, unitTree, setPeriod, setUnit, open, reload: load }
}

export type Dashboard = ReturnType<typeof useDashboard>
