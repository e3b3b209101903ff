import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initApi } from '@/api/client'
import { labelOf, setLocale } from '@/i18n'
import { todoKindLabel, todoKindTag } from '@/views/home/todos'
import {
  cellFromFilters,
  cellOfEvent,
  countsByLevel,
  heatSquares,
  heatmapOption,
  toggleCell,
  type HeatSquare,
  type HeatmapTexts,
} from '@/views/risks/riskHeatmap'
import { riskJournalFormatter } from '@/views/risks/riskJournal'
import {
  OBLIGATION_STATES,
  RISK_CATEGORIES,
  RISK_LEVELS,
  RISK_STATUSES,
  detailTab,
  gradePreview,
  levelChange,
  levelColour,
  levelOfScore,
  linkRoute,
  obligationDue,
  obligationStateLabel,
  riskLabel,
  scaleLabel,
  textColourOn,
  type RiskLevel,
  type RiskMatrix,
} from '@/views/risks/riskModel'
import { heatmapQuery, riskListQuery } from '@/views/risks/riskQuery'
import { obligationQuery, summaryPeriod } from '@/views/risks/useRiskObligations'
import { flush, jsonResponse, mountComposable, setupApp, testRouter, userWith, userWithRoles } from './helpers'

const { messageSuccess, prompt, confirm } = vi.hoisted(() => ({
  messageSuccess: vi.fn(),
  prompt: vi.fn(),
  confirm: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: vi.fn(), success: messageSuccess, warning: vi.fn() },
  ElMessageBox: { prompt, confirm },
}))

const { useRiskList } = await import('@/views/risks/useRiskList')
const { useRiskDetail } = await import('@/views/risks/useRiskDetail')

/** The default matrix: 重大 ≥ 15, 较大 ≥ 10, 一般 ≥ 5, and the colours the server sends. */
const MATRIX: RiskMatrix = {
  version: 2,
  likelihoodLabels: ['极少发生', '不太可能', '可能发生', '很可能', '几乎肯定'],
  impactLabels: ['轻微', '较小', '中等', '较大', '严重'],
  majorMin: 15,
  significantMin: 10,
  generalMin: 5,
  colours: { MAJOR: '#d9001b', SIGNIFICANT: '#f59a23', GENERAL: '#f7d51d', LOW: '#409eff' },
}

describe('risk labels', () => {
  it('labels every code in Chinese first, then English', () => {
    setupApp()
    expect(RISK_LEVELS.map((code) => riskLabel('level', code))).toEqual(['重大', '较大', '一般', '低'])
    expect(RISK_CATEGORIES.map((code) => riskLabel('category', code))).toEqual(['意识形态', '保密', '廉政', '网络舆情', '作风', '其他'])
    expect(RISK_STATUSES.map((code) => riskLabel('status', code))).toEqual(['已识别', '管控中', '已受控', '已关闭'])
    expect(OBLIGATION_STATES.map((state) => obligationStateLabel('REPORT', state))).toEqual(['待报告', '按时报告', '迟报', '漏报', '已取消'])
    expect(OBLIGATION_STATES.map((state) => obligationStateLabel('REVIEW', state))).toEqual(['待研判', '按时研判', '逾期研判', '未研判', '已取消'])
    expect(obligationStateLabel(undefined, 'MET')).toBe('按时')
    expect(obligationStateLabel('REPORT', undefined)).toBe('')
    expect(todoKindLabel('risk.review-due')).toBe('待研判')
    expect(todoKindLabel('risk.grade')).toBe('待评级')
    expect(todoKindTag('risk.report-due')).toBe('danger')
    expect(labelOf('action', 'risk.graded-by-review')).toBe('研判调整等级')
    expect(labelOf('action', 'risk-matrix.created')).toBe('发布评分矩阵')
    setLocale('en')
    expect(riskLabel('level', 'MAJOR')).toBe('Major')
    expect(obligationStateLabel('REPORT', 'LATE')).toBe('Reported late')
    expect(riskLabel('status', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })
})

describe('grading on the matrix', () => {
  it('turns a score into a level by the thresholds', () => {
    expect([1, 4, 5, 9, 10, 14, 15, 25].map((score) => levelOfScore(MATRIX, score))).toEqual([
      'LOW',
      'LOW',
      'GENERAL',
      'GENERAL',
      'SIGNIFICANT',
      'SIGNIFICANT',
      'MAJOR',
      'MAJOR',
    ])
    // A stricter matrix version: 12 is already 重大.
    expect(levelOfScore({ majorMin: 12, significantMin: 8, generalMin: 4 }, 12)).toBe('MAJOR')
  })

  it('previews the grade as the selects change', () => {
    expect(gradePreview(MATRIX, 3, 4)).toEqual({ score: 12, level: 'SIGNIFICANT' })
    expect(gradePreview(MATRIX, 4, 4)).toEqual({ score: 16, level: 'MAJOR' })
    expect(gradePreview(MATRIX, 1, 1)).toEqual({ score: 1, level: 'LOW' })
    expect(gradePreview(MATRIX, 3, null)).toBeUndefined()
    expect(gradePreview(MATRIX, 6, 1)).toBeUndefined()
    expect(gradePreview(null, 3, 4)).toBeUndefined()
  })

  it('says whether a review raised or lowered the level', () => {
    expect(levelChange('SIGNIFICANT', 'MAJOR')).toBe(1)
    expect(levelChange('MAJOR', 'GENERAL')).toBe(-1)
    expect(levelChange('LOW', 'LOW')).toBe(0)
    expect(levelChange(undefined, 'LOW')).toBe(1)
  })

  it('labels the scale with the matrix words', () => {
    expect(scaleLabel(MATRIX.likelihoodLabels, 4)).toBe('4 很可能')
    expect(scaleLabel(undefined, 2)).toBe('2')
  })

  it('colours levels as the matrix says, with readable text', () => {
    expect(levelColour('MAJOR', { colours: { MAJOR: '#aa0000' } })).toBe('#aa0000')
    expect(levelColour('GENERAL', { colours: { GENERAL: 'yellow' } })).toBe('#f7d51d')
    expect(levelColour('LOW', null)).toBe('#409eff')
    expect(levelColour(undefined, MATRIX)).toBe('#c0c4cc')
    expect(textColourOn('#f7d51d')).toBe('#303133')
    expect(textColourOn('#d9001b')).toBe('#ffffff')
    expect(textColourOn('#409eff')).toBe('#ffffff')
  })
})

describe('heat map', () => {
  const texts: HeatmapTexts = {
    likelihood: '可能性',
    impact: '影响程度',
    likelihoodLabels: MATRIX.likelihoodLabels,
    impactLabels: MATRIX.impactLabels,
    levelLabel: (level: RiskLevel) => ({ MAJOR: '重大', SIGNIFICANT: '较大', GENERAL: '一般', LOW: '低' })[level],
    countLabel: (count) => `${count} 项`,
  }

  it('always has the 25 squares, with counts where the server has them', () => {
    const squares = heatSquares(
      [
        { likelihood: 3, impact: 4, score: 12, level: 'SIGNIFICANT', count: 2 },
        { likelihood: 4, impact: 4, score: 16, level: 'MAJOR', count: 1 },
      ],
      MATRIX,
    )
    expect(squares).toHaveLength(25)
    expect(squares.find((square) => square.likelihood === 3 && square.impact === 4)).toEqual({ likelihood: 3, impact: 4, score: 12, level: 'SIGNIFICANT', count: 2 })
    // Not sent: no risks there, the level from the matrix.
    expect(squares.find((square) => square.likelihood === 5 && square.impact === 5)).toEqual({ likelihood: 5, impact: 5, score: 25, level: 'MAJOR', count: 0 })
    expect(squares.find((square) => square.likelihood === 1 && square.impact === 2)?.level).toBe('LOW')
    expect(countsByLevel(squares)).toEqual({ MAJOR: 1, SIGNIFICANT: 2, GENERAL: 0, LOW: 0 })
  })

  it('selects a square, and a second click clears it', () => {
    expect(toggleCell(null, { likelihood: 4, impact: 4 })).toEqual({ likelihood: 4, impact: 4 })
    expect(toggleCell({ likelihood: 4, impact: 4 }, { likelihood: 4, impact: 4 })).toBeNull()
    expect(toggleCell({ likelihood: 4, impact: 4 }, { likelihood: 3, impact: 4 })).toEqual({ likelihood: 3, impact: 4 })
    expect(cellFromFilters('4', '2')).toEqual({ likelihood: 4, impact: 2 })
    expect(cellFromFilters('4', '')).toBeNull()
    expect(cellFromFilters('9', '1')).toBeNull()
    // ECharts reports category indexes (0-based).
    expect(cellOfEvent([3, 3, 1, 0])).toEqual({ likelihood: 4, impact: 4 })
    expect(cellOfEvent('x')).toBeNull()
  })

  it('builds the chart: level colours, counts as labels, the selected square outlined', () => {
    const squares: HeatSquare[] = heatSquares([{ likelihood: 4, impact: 4, level: 'MAJOR', count: 3 }], MATRIX)
    const option = heatmapOption(squares, MATRIX, { likelihood: 4, impact: 4 }, texts)
    const series = Array.isArray(option.series) ? option.series[0] : option.series
    const data = (series?.data ?? []) as { value: number[]; itemStyle: { opacity: number; borderWidth: number } }[]
    expect(data).toHaveLength(25)
    const selected = data.find((item) => item.value[0] === 3 && item.value[1] === 3)
    expect(selected?.value).toEqual([3, 3, 3, RISK_LEVELS.indexOf('MAJOR')])
    expect(selected?.itemStyle).toMatchObject({ opacity: 1, borderWidth: 3 })
    expect(data.find((item) => item.value[0] === 0 && item.value[1] === 0)?.itemStyle).toMatchObject({ opacity: 0.35, borderWidth: 2 })
    const visualMap = Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap
    expect(visualMap).toMatchObject({ dimension: 3, pieces: [{ value: 0, color: '#d9001b' }, { value: 1, color: '#f59a23' }, { value: 2, color: '#f7d51d' }, { value: 3, color: '#409eff' }] })
    const xAxis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis
    expect((xAxis as { data: string[] }).data[2]).toBe('3\n可能发生')
    const label = (series as { label: { formatter: (params: { value: unknown }) => string } }).label
    expect(label.formatter({ value: [3, 3, 3, 0] })).toBe('3')
    expect(label.formatter({ value: [0, 0, 0, 3] })).toBe('')
    const tooltip = option.tooltip as { formatter: (params: { value: unknown }) => string }
    expect(tooltip.formatter({ value: [3, 3, 3, 0] })).toBe('可能性 4 × 影响程度 4 = 16<br/>重大 · 3 项')
  })

  it('asks the map for the list filters without the square, and the list with it', () => {
    const filters = { q: ' 采购 ', level: '', category: 'INTEGRITY', unitId: 'u1', status: '', reviewState: 'RED', graded: 'true', basis: '', likelihood: '3', impact: '4' }
    expect(heatmapQuery(filters)).toEqual({ basis: 'INHERENT', q: '采购', category: 'INTEGRITY', unitId: 'u1', reviewState: 'RED', graded: true })
    expect(riskListQuery(filters)).toEqual({ basis: 'INHERENT', q: '采购', category: 'INTEGRITY', unitId: 'u1', reviewState: 'RED', graded: true, likelihood: 3, impact: 4 })
    expect(riskListQuery({ basis: 'RESIDUAL', likelihood: '3', impact: '' })).toEqual({ basis: 'RESIDUAL' })
    expect(riskListQuery({ graded: 'false', likelihood: '0', impact: '2' })).toEqual({ basis: 'INHERENT', graded: false })
  })
})

describe('detail helpers', () => {
  it('links follow-up records and picks the tab from the URL', () => {
    expect(linkRoute({ type: 'rectification', id: 'r1' })).toBe('/rectifications/r1')
    expect(linkRoute({ type: 'task', id: 't1' })).toBe('/tasks/t1')
    expect(linkRoute({ type: 'inspection', id: 'i1' })).toBeUndefined()
    expect(detailTab('reports')).toBe('reports')
    expect(detailTab('nonsense')).toBe('measures')
    expect(detailTab(undefined)).toBe('measures')
  })

  it('shows a review due by its day and a report due by its moment', () => {
    const format = (value: string) => `@${value}`
    expect(obligationDue({ kind: 'REVIEW', dueOn: '2026-03-01', dueAt: '2026-03-01T16:00:00Z' }, format)).toBe('2026-03-01')
    expect(obligationDue({ kind: 'REPORT', dueOn: '2026-03-02', dueAt: '2026-03-02T02:00:00Z' }, format)).toBe('@2026-03-02T02:00:00Z')
  })

  it('formats the risk journal with risk labels and Beijing time', () => {
    setupApp()
    const format = riskJournalFormatter((field, value) => `fallback:${field}:${String(value)}`)
    expect(format('level', 'MAJOR')).toBe('重大')
    expect(format('status', 'CLOSED')).toBe('已关闭')
    expect(format('cycle', 'QUARTERLY')).toBe('每季度')
    expect(format('dueAt', '2026-03-02T02:00:00Z')).toBe('2026-03-02 10:00:00')
    expect(format('conclusion', '可控')).toBe('fallback:conclusion:可控')
  })

  it('counts obligations over the chosen period, else the current year', () => {
    expect(summaryPeriod('2026-01-01', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' })
    expect(summaryPeriod('', '', '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(summaryPeriod('2026-04-01', '', '2026-11-27')).toEqual({ from: '2026-04-01', to: '2026-12-31' })
    expect(obligationQuery({ unitId: '', kind: 'REPORT', state: 'LATE', from: '', to: '', riskId: 'r1' })).toEqual({ kind: 'REPORT', state: 'LATE', riskId: 'r1' })
  })
})

describe('useRiskList', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/risks/heatmap')) {
        return Promise.resolve(jsonResponse({ basis: 'INHERENT', cells: [{ likelihood: 4, impact: 4, level: 'MAJOR', count: 1 }], total: 1, ungraded: 2 }))
      }
      if (url.pathname.endsWith('/risks')) return Promise.resolve(jsonResponse({ items: [{ id: 'k1', code: 'FX-1', name: '采购风险' }] }))
      if (url.pathname.endsWith('/risk-matrix')) return Promise.resolve(jsonResponse(MATRIX))
      return Promise.resolve(jsonResponse([]))
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  function requests(path: string): URL[] {
    return fetchMock.mock.calls.map(([request]) => new URL((request as Request).url)).filter((url) => url.pathname.endsWith(path))
  }

  it('filters the list by a clicked square, keeps the map whole, and clears on a second click', async () => {
    const { plugins } = setupApp(userWith(['unit_officer'], ['createRisk']))
    const router = await testRouter('/risks?category=INTEGRITY', [{ path: '/risks', name: 'risks', component: { render: () => null } }])
    const page = await mountComposable(useRiskList, [...plugins, router])
    expect(page.squares.value.find((square) => square.likelihood === 4 && square.impact === 4)?.count).toBe(1)
    expect(page.canCreate.value).toBe(true)

    await page.onCellClick({ likelihood: 4, impact: 4 })
    await flush()
    expect(router.currentRoute.value.query).toMatchObject({ category: 'INTEGRITY', likelihood: '4', impact: '4' })
    const list = requests('/risks').at(-1)
    expect(list?.searchParams.get('likelihood')).toBe('4')
    expect(list?.searchParams.get('impact')).toBe('4')
    expect(list?.searchParams.get('category')).toBe('INTEGRITY')
    for (const map of requests('/risks/heatmap')) {
      expect(map.searchParams.get('likelihood')).toBeNull()
      expect(map.searchParams.get('category')).toBe('INTEGRITY')
    }
    expect(page.selectedCell.value).toEqual({ likelihood: 4, impact: 4 })

    await page.onCellClick({ likelihood: 4, impact: 4 })
    await flush()
    expect(router.currentRoute.value.query.likelihood).toBeUndefined()
    expect(page.selectedCell.value).toBeNull()

    await page.setBasis('RESIDUAL')
    await flush()
    expect(requests('/risks/heatmap').at(-1)?.searchParams.get('basis')).toBe('RESIDUAL')
  })
})

describe('useRiskDetail', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  const risk = {
    id: 'k1',
    code: 'FX-1',
    name: '采购风险',
    status: 'CONTROLLING',
    level: 'MAJOR',
    version: 4,
    allowedActions: [
      { action: 'update', enabled: true },
      { action: 'review', enabled: true },
      { action: 'report', enabled: true },
      { action: 'startControl', enabled: false, blocked: 'STATE', reasonCode: 'risk.illegal-transition', reason: '风险当前状态（管控中）不能进入管控' },
    ],
  }

  beforeEach(() => {
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/timeline')) return Promise.resolve(jsonResponse({ items: [] }))
      if (url.pathname.endsWith('/risk-matrix')) return Promise.resolve(jsonResponse(MATRIX))
      return Promise.resolve(
        jsonResponse({
          risk,
          measures: [{ id: 'm1', status: 'OPEN', content: '双人验收', version: 2 }],
          gradings: [],
          reviews: [],
          reports: [],
          obligations: [{ id: 'o1', kind: 'REPORT', state: 'PENDING' }],
        }),
      )
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  async function mounted(path: string) {
    const { plugins } = setupApp(userWithRoles('unit_officer'))
    const router = await testRouter(path, [{ path: '/risks/:id', name: 'risk-detail', component: { render: () => null } }])
    const page = await mountComposable(useRiskDetail, [...plugins, router])
    return { page, router }
  }

  it('opens the tab a to-do names and keeps the tab in the URL', async () => {
    const { page, router } = await mounted('/risks/k1?tab=reports')
    expect(page.risk.value?.code).toBe('FX-1')
    expect(page.tab.value).toBe('reports')
    expect(page.actions.value.enabled('review')).toBe(true)
    expect(page.actions.value.state('startControl').shown).toBe(false)
    expect(page.actions.value.state('grade').shown).toBe(false)
    page.tab.value = 'timeline'
    await flush()
    expect(router.currentRoute.value.query.tab).toBe('timeline')
    const highlighted = await mounted('/risks/k1?measure=m1')
    expect(highlighted.page.tab.value).toBe('measures')
    expect(highlighted.page.highlightedMeasure.value).toBe('m1')
  })

  it('completes a measure with its version and the note given', async () => {
    const { page } = await mounted('/risks/k1')
    prompt.mockResolvedValueOnce({ value: ' 已建立双人签字制度 ' })
    const measure = page.measures.value[0]
    if (measure === undefined) throw new Error('no measure')
    await page.measureDone(measure)
    const call = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.url.endsWith('/measures/m1/done'))
    expect(call?.headers.get('If-Match')).toBe('"2"')
    expect(await call?.json()).toEqual({ evidence: '已建立双人签字制度' })
    expect(messageSuccess).toHaveBeenCalledWith('措施状态已更新')
  })

  it('starts control with the risk version after a confirmation, and not without', async () => {
    const { page } = await mounted('/risks/k1')
    confirm.mockRejectedValueOnce('cancel')
    await page.startControl()
    expect(fetchMock.mock.calls.some(([request]) => (request as Request).url.endsWith('/start-control'))).toBe(false)
    confirm.mockResolvedValueOnce('confirm')
    await page.startControl()
    const call = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.url.endsWith('/start-control'))
    expect(call?.method).toBe('POST')
    expect(call?.headers.get('If-Match')).toBe('"4"')
  })
})
