import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initApi } from '@/api/client'
import { setLocale } from '@/i18n'
import { drillChips, isDrilled } from '@/composables/useDrillFilters'
import { barOption, figureAt } from '@/views/home/dashboard/barOption'
import { calendarTable, trendTable, warningTable } from '@/views/home/dashboard/dashboardRows'
import { figureLabel, rateLabel, SECTIONS } from '@/views/home/dashboard/figureLabels'
import { currentPeriod, parsePeriod, periodCode, previousPeriod, recentPeriods } from '@/views/home/dashboard/periods'
import { heatCellRoute } from '@/views/home/dashboard/useDashboardHeatmap'
import {
  DRILL_ROUTES,
  dashboardQuery,
  dashboardState,
  drillRoute,
  figureIndex,
  trendOf,
  useDashboard,
  type Figure,
  type Statistics,
} from '@/views/home/dashboard/useDashboard'
import { ASSIGNMENT_DRILL_FILTERS, assignmentListQuery } from '@/views/tasks/useAssignmentList'
import { riskListQuery } from '@/views/risks/riskQuery'
import { rectListQuery } from '@/views/rectifications/useRectList'
import { recordListQuery } from '@/views/records/useRecordList'
import { flush, jsonResponse, mountComposableIn, setupApp, testRouter, userWithRoles } from './helpers'

const UNIT_A = '4a3b11f4-9070-38d1-a58a-9d1431721d01'
const UNIT_B = '6ad18abe-2dfc-30f0-9071-210352fe12e7'

function figure(key: string, value: number, query: Record<string, string>, extra: Partial<Figure> = {}): Figure {
  const list = key.startsWith('records.') ? 'RECORDS' : key.startsWith('calendar.') ? 'OBLIGATIONS' : 'ASSIGNMENTS'
  return { key, value, dims: {}, drill: { list, query }, ...extra }
}

const STATS: Statistics = {
  period: { code: '2026H2', kind: 'HALF_YEAR', from: '2026-07-01', to: '2026-12-31', words: '2026年下半年', previousCode: '2026H1' },
  figures: [
    figure('tasks.issued', 12, { issuedFrom: '2026-07-01', issuedTo: '2026-12-31' }, { previous: 9 }),
    figure('tasks.done', 4, { issuedFrom: '2026-07-01', issuedTo: '2026-12-31', status: 'DONE' }, { previous: 4 }),
    figure('tasks.overdue', 2, { issuedFrom: '2026-07-01', issuedTo: '2026-12-31', warning: 'RED' }, { previous: 5 }),
    figure('warn.assignments.RED', 1, { warning: 'RED', unitId: UNIT_A }, { dims: { unitId: UNIT_A } }),
    figure('warn.assignments.RED', 3, { warning: 'RED', unitId: UNIT_B }, { dims: { unitId: UNIT_B } }),
    figure('warn.assignments.YELLOW', 2, { warning: 'YELLOW', unitId: UNIT_A }, { dims: { unitId: UNIT_A } }),
    figure('trend.issued', 7, { issuedFrom: '2026-11-01', issuedTo: '2026-11-30' }, { dims: { month: '2026-11' } }),
    figure('trend.issued', 2, { issuedFrom: '2026-09-01', issuedTo: '2026-09-30' }, { dims: { month: '2026-09' } }),
    figure('trend.done', 2, { issuedFrom: '2026-11-01', issuedTo: '2026-11-30', status: 'DONE' }, { dims: { month: '2026-11' } }),
    figure('calendar.LATE', 1, { from: '2026-10-10', to: '2026-10-10', state: 'LATE' }, { dims: { day: '2026-10-10' } }),
  ],
  rates: [{ key: 'tasks.completionRate', value: 0.3333, numerator: 'tasks.done', denominator: 'tasks.issued' }],
  units: {
    [UNIT_A]: { id: UNIT_A, code: 'SJ-CGZX', name: '体育场馆管理中心' },
    [UNIT_B]: { id: UNIT_B, code: 'SJ-YDXX', name: '体育运动学校' },
  },
}

describe('drill → route', () => {
  it('opens the list of each drill with exactly its query', () => {
    expect(drillRoute({ list: 'ASSIGNMENTS', query: { warning: 'RED', unitId: UNIT_A } })).toEqual({ name: 'assignments', query: { warning: 'RED', unitId: UNIT_A } })
    expect(drillRoute({ list: 'RECORDS', query: { heldFrom: '2026-07-01', heldTo: '2026-12-31', category: 'STUDY' } })).toEqual({
      name: 'records',
      query: { heldFrom: '2026-07-01', heldTo: '2026-12-31', category: 'STUDY' },
    })
    expect(drillRoute({ list: 'RECTIFICATIONS', query: { foundFrom: '2026-07-01' } })?.name).toBe('rectifications')
    expect(drillRoute({ list: 'RISKS', query: { open: 'true', level: 'MAJOR' } })).toEqual({ name: 'risks', query: { open: 'true', level: 'MAJOR' } })
    expect(drillRoute({ list: 'OBLIGATIONS', query: {} })).toEqual({ name: 'risk-obligations', query: {} })
    expect(DRILL_ROUTES).toEqual({ ASSIGNMENTS: 'assignments', RECORDS: 'records', RECTIFICATIONS: 'rectifications', RISKS: 'risks', OBLIGATIONS: 'risk-obligations' })
  })

  it('opens nothing without a drill', () => {
    expect(drillRoute(undefined)).toBeNull()
    expect(drillRoute({ query: { a: 'b' } })).toBeNull()
  })

  it('is a copy: changing the route does not change the figure', () => {
    const drill = { list: 'RISKS' as const, query: { open: 'true' } }
    const route = drillRoute(drill)
    if (route !== null) route.query.level = 'LOW'
    expect(drill.query).toEqual({ open: 'true' })
  })

  it('opens a heat-map square in the scope of the map', () => {
    expect(heatCellRoute({ likelihood: 3, impact: 4 }, '')).toEqual({ name: 'risks', query: { likelihood: '3', impact: '4' } })
    expect(heatCellRoute({ likelihood: 5, impact: 1 }, UNIT_A)).toEqual({ name: 'risks', query: { unitId: UNIT_A, subtree: 'true', likelihood: '5', impact: '1' } })
  })
})

describe('trend against the previous period', () => {
  it('says up, down or flat, with the difference and the previous value', () => {
    expect(trendOf({ value: 12, previous: 9 })).toEqual({ direction: 'up', delta: 3, previous: 9 })
    expect(trendOf({ value: 2, previous: 5 })).toEqual({ direction: 'down', delta: 3, previous: 5 })
    expect(trendOf({ value: 4, previous: 4 })).toEqual({ direction: 'flat', delta: 0, previous: 4 })
    expect(trendOf({ value: 0, previous: 0 })).toEqual({ direction: 'flat', delta: 0, previous: 0 })
    expect(trendOf({ previous: 2 })).toEqual({ direction: 'down', delta: 2, previous: 2 })
  })

  it('has none without a previous value', () => {
    expect(trendOf({ value: 3 })).toBeNull()
    expect(trendOf(undefined)).toBeNull()
  })
})

describe('figure lookups', () => {
  it('finds the dims-free figure, a breakdown by dimension, and the rates', () => {
    const index = figureIndex(STATS)
    expect(index.one('tasks.issued')?.value).toBe(12)
    expect(index.one('warn.assignments.RED')).toBeUndefined()
    expect(index.all('warn.assignments.RED')).toHaveLength(2)
    expect(index.at('warn.assignments.RED', 'unitId', UNIT_B)?.value).toBe(3)
    expect(index.rate('tasks.completionRate')?.numerator).toBe('tasks.done')
    expect(index.unit(UNIT_A)?.code).toBe('SJ-CGZX')
    expect(figureIndex(null).one('tasks.issued')).toBeUndefined()
  })

  it('lays out warnings by unit (most red first), keyed by the unit code, each cell its figure', () => {
    setupApp()
    const table = warningTable(figureIndex(STATS))
    expect(table.rows.map((row) => [row.id, row.label, row.testId])).toEqual([
      ['SJ-YDXX', '体育运动学校', 'warn-row-SJ-YDXX'],
      ['SJ-CGZX', '体育场馆管理中心', 'warn-row-SJ-CGZX'],
    ])
    const cgzx = table.rows[1]?.cells
    expect(cgzx?.red).toMatchObject({ value: 1, testId: 'warn-red-SJ-CGZX' })
    expect(cgzx?.red?.figure?.drill?.query).toEqual({ warning: 'RED', unitId: UNIT_A })
    expect(cgzx?.yellow?.value).toBe(2)
    // Nothing counted: 0 with no list to open.
    expect(cgzx?.rectRed).toEqual({ figure: undefined, value: 0, testId: 'warn-rectRed-SJ-CGZX' })
    // No code or id reaches the labels.
    for (const column of table.columns) expect(column.label).not.toMatch(/warn\.|RED/)
  })

  it('lays out months and days oldest first, labelled in words', () => {
    setupApp()
    const trend = trendTable(figureIndex(STATS))
    expect(trend.rows.map((row) => row.label)).toEqual(['2026年9月', '2026年11月'])
    expect(trend.rows[1]?.cells.done?.figure?.drill?.query?.status).toBe('DONE')
    expect(trend.rows[0]?.cells.done?.value).toBe(0)
    const calendar = calendarTable(figureIndex(STATS))
    expect(calendar.columns.map((column) => column.label)).toEqual(['按时', '逾期', '未履行', '待履行'])
    expect(calendar.rows[0]?.cells.LATE?.testId).toBe('cal-LATE-2026-10-10')
  })

  it('draws one bar per cell, and a click on a bar names its figure', () => {
    setupApp()
    const table = warningTable(figureIndex(STATS))
    const option = barOption(table)
    const series = option.series as { data: number[]; stack?: string }[]
    expect(series[0]?.data).toEqual([3, 1])
    expect(series[0]?.stack).toBe('assignments')
    expect(figureAt(table, 0, 1)?.value).toBe(1)
    expect(figureAt(table, 1, 1)?.dims?.unitId).toBe(UNIT_A)
    expect(figureAt(table, 2, 0)).toBeUndefined()
    expect(figureAt(table, undefined, 0)).toBeUndefined()
  })

  it('names every figure and rate of the key sections in both languages', () => {
    setupApp()
    for (const locale of ['zh-CN', 'en'] as const) {
      setLocale(locale)
      for (const section of SECTIONS) {
        for (const tile of section.tiles) expect(figureLabel(tile.key), tile.key).not.toBe('')
        for (const key of section.rates ?? []) expect(rateLabel(key), key).not.toBe('')
      }
    }
    setLocale('zh-CN')
    expect(figureLabel('records.STUDY')).toBe('理论学习')
    expect(figureLabel('obligations.REPORT.LATE')).toBe('迟报')
    expect(figureLabel('rect.status.CLOSED')).toBe('已销号')
  })
})

describe('periods', () => {
  it('reads and writes the API codes', () => {
    for (const code of ['2026H2', '2026Q3', '2026-07', '2026']) expect(periodCode(parsePeriod(code) ?? { kind: 'YEAR', year: 0, index: 0 })).toBe(code)
    expect(parsePeriod('2026H3')).toBeNull()
    expect(parsePeriod('2026-13')).toBeNull()
    expect(parsePeriod('')).toBeNull()
  })

  it('knows the current and previous periods', () => {
    expect(periodCode(currentPeriod('HALF_YEAR', '2026-12-04'))).toBe('2026H2')
    expect(periodCode(currentPeriod('HALF_YEAR', '2026-06-30'))).toBe('2026H1')
    expect(periodCode(currentPeriod('QUARTER', '2026-07-01'))).toBe('2026Q3')
    expect(periodCode(previousPeriod({ kind: 'QUARTER', year: 2026, index: 1 }))).toBe('2025Q4')
    expect(periodCode(previousPeriod({ kind: 'MONTH', year: 2026, index: 1 }))).toBe('2025-12')
    expect(recentPeriods('HALF_YEAR', 3, '2026-12-04').map(periodCode)).toEqual(['2026H2', '2026H1', '2025H2'])
  })

  it('keeps the period and unit in the URL, leaving out the default half-year', () => {
    expect(periodCode(dashboardState({}, '2026-12-04').period)).toBe('2026H2')
    expect(dashboardState({ period: '2026Q3', unitId: UNIT_A }, '2026-12-04')).toEqual({ period: { kind: 'QUARTER', year: 2026, index: 3 }, unitId: UNIT_A })
    expect(periodCode(dashboardState({ period: 'junk' }, '2026-12-04').period)).toBe('2026H2')
    expect(dashboardQuery({ other: 'x', unitId: UNIT_A }, { kind: 'HALF_YEAR', year: 2026, index: 2 }, '', '2026-12-04')).toEqual({ other: 'x' })
    expect(dashboardQuery({}, { kind: 'MONTH', year: 2026, index: 7 }, UNIT_B, '2026-12-04')).toEqual({ period: '2026-07', unitId: UNIT_B })
  })
})

describe('the lists honour a drill query', () => {
  it('lists every assignment a period figure counts, not only open ones', () => {
    expect(assignmentListQuery({ open: 'true', issuedFrom: '2026-07-01', issuedTo: '2026-12-31' })).toEqual({ issuedFrom: '2026-07-01', issuedTo: '2026-12-31' })
    expect(assignmentListQuery({ open: 'true', warning: 'RED', unitId: UNIT_A, subtree: 'true' })).toEqual({ warning: 'RED', unitId: UNIT_A, subtree: true })
    // Without a drill the list keeps its "only open ones" default.
    expect(assignmentListQuery({ open: 'true', warning: 'LATE' })).toEqual({ open: true, warning: 'LATE' })
    expect(isDrilled({ open: 'true' }, ASSIGNMENT_DRILL_FILTERS)).toBe(false)
    expect(isDrilled({ urgedTo: '2026-12-31' }, ASSIGNMENT_DRILL_FILTERS)).toBe(true)
  })

  it('sends the new filters of the other lists as the API types them', () => {
    expect(rectListQuery({ unitId: UNIT_A, subtree: 'true', foundFrom: '2026-07-01', foundTo: '2026-12-31', warning: 'ON_TIME', q: '' })).toEqual({
      unitId: UNIT_A,
      subtree: true,
      foundFrom: '2026-07-01',
      foundTo: '2026-12-31',
      warning: 'ON_TIME',
    })
    expect(riskListQuery({ open: 'true', level: 'MAJOR', subtree: 'true', unitId: UNIT_A, levelChangedFrom: '2026-07-01', measuresDoneTo: '2026-12-31' })).toEqual({
      basis: 'INHERENT',
      open: true,
      level: 'MAJOR',
      subtree: true,
      unitId: UNIT_A,
      levelChangedFrom: '2026-07-01',
      measuresDoneTo: '2026-12-31',
    })
    expect(recordListQuery({ category: 'STUDY', heldFrom: '2026-07-01', heldTo: '2026-12-31', subtree: 'true', unitId: UNIT_A, q: ' 学习 ' })).toEqual({
      category: 'STUDY',
      heldFrom: '2026-07-01',
      heldTo: '2026-12-31',
      subtree: true,
      unitId: UNIT_A,
      q: '学习',
    })
    expect(recordListQuery({ category: 'BOGUS' })).toEqual({})
  })

  it('says in words what a drill narrowed the list to', () => {
    setupApp()
    const chips = drillChips({ unitId: UNIT_A, subtree: 'true', issuedFrom: '2026-07-01', issuedTo: '2026-12-31', urgedFrom: '2026-07-01' }, ASSIGNMENT_DRILL_FILTERS, (id) =>
      id === UNIT_A ? '体育场馆管理中心' : '',
    )
    expect(chips.map((chip) => chip.label)).toEqual(['单位：体育场馆管理中心', '含下级单位', '下发日期：2026-07-01 至 2026-12-31', '催办日期：2026-07-01 起'])
    // A unit not (yet) known by name never shows its id.
    expect(drillChips({ unitId: UNIT_B }, ASSIGNMENT_DRILL_FILTERS, () => '')[0]?.label).toBe('单位：指定单位')
  })
})

describe('useDashboard', () => {
  const fetchMock = vi.fn<(request: Request) => Promise<Response>>()
  beforeEach(() => {
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockReset()
    fetchMock.mockImplementation((request) => {
      const path = new URL(request.url).pathname
      if (path === '/api/v1/statistics') return Promise.resolve(jsonResponse(STATS))
      if (path === '/api/v1/units/tree') return Promise.resolve(jsonResponse([]))
      return Promise.resolve(jsonResponse({}, 404))
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  function statisticsCalls(): URLSearchParams[] {
    return fetchMock.mock.calls.map(([request]) => new URL(request.url)).filter((url) => url.pathname === '/api/v1/statistics').map((url) => url.searchParams)
  }

  it('loads the period and unit of the URL, follows changes, and opens a figure’s list with its drill query', async () => {
    const { plugins } = setupApp(userWithRoles('leader'))
    const router = await testRouter('/home?period=2026Q3', [
      { path: '/home', name: 'home', component: { render: () => null } },
      { path: '/assignments', name: 'assignments', component: { render: () => null } },
    ])
    const { result, wrapper } = await mountComposableIn(() => useDashboard(), [...plugins, router])
    expect(statisticsCalls().map((query) => Object.fromEntries(query))).toEqual([{ period: '2026Q3' }])
    expect(result.index.value.one('tasks.issued')?.value).toBe(12)

    await result.setUnit(UNIT_A)
    await flush()
    expect(router.currentRoute.value.query).toEqual({ period: '2026Q3', unitId: UNIT_A })
    expect(Object.fromEntries(statisticsCalls()[1] ?? [])).toEqual({ period: '2026Q3', unitId: UNIT_A })

    await result.open(result.index.value.at('warn.assignments.RED', 'unitId', UNIT_B))
    expect(router.currentRoute.value.name).toBe('assignments')
    expect(router.currentRoute.value.query).toEqual({ warning: 'RED', unitId: UNIT_B })
    await flush()
    // Leaving the home page does not load the figures again.
    expect(statisticsCalls()).toHaveLength(2)
    wrapper.unmount()
  })

  it('asks nothing for roles the dashboard is not for', async () => {
    const { plugins } = setupApp(userWithRoles('viewer'))
    const router = await testRouter('/home', [{ path: '/home', name: 'home', component: { render: () => null } }])
    const { result, wrapper } = await mountComposableIn(() => useDashboard(), [...plugins, router])
    expect(result.visible.value).toBe(false)
    expect(statisticsCalls()).toHaveLength(0)
    wrapper.unmount()
  })
})
