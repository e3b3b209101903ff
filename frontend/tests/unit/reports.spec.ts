import type * as ElementPlus from 'element-plus'
import type * as Files from '@/api/files'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initApi } from '@/api/client'
import { setLocale } from '@/i18n'
import {
  DRILL_ROUTES,
  draftAtEdit,
  draftState,
  drillRoute,
  figuresOf,
  movedCount,
  partsOf,
  periodWords,
  sourceRoute,
  type Report,
  type ReportFigure,
  type ReportRevision,
  type ReportSection,
} from '@/views/reports/reportModel'
import { defaultPeriod, periodRequest } from '@/views/reports/reportPeriod'
import { isDocx } from '@/views/reports/useReportTemplate'
import { flush, jsonResponse, mountComposable, setupApp, testRouter, userWith } from './helpers'

const { messageSuccess, messageWarning, messageError, confirm, downloadFile } = vi.hoisted(() => ({
  messageSuccess: vi.fn(),
  messageWarning: vi.fn(),
  messageError: vi.fn(),
  confirm: vi.fn(),
  downloadFile: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: messageWarning },
  ElMessageBox: { confirm, prompt: vi.fn() },
}))
vi.mock('@/api/files', async (importOriginal) => ({ ...(await importOriginal<typeof Files>()), downloadFile }))

const { useReportDetail } = await import('@/views/reports/useReportDetail')
const { useReportList } = await import('@/views/reports/useReportList')
const { useReportTemplate } = await import('@/views/reports/useReportTemplate')

const figure = (key: string, value: number, extra: Partial<ReportFigure> = {}): ReportFigure => ({
  key,
  label: `${key}（次）`,
  value,
  changed: false,
  drill: { list: 'RECORDS', query: { category: 'STUDY' } },
  sources: [],
  ...extra,
})

const study: ReportSection = {
  key: 'work.study',
  part: 'WORK',
  heading: '（一）强化理论武装，筑牢政治忠诚。',
  text: '开展学习共计9次。',
  generated: '开展学习共计9次。',
  edited: false,
  figureKeys: ['records.STUDY', 'records.TRAINING'],
}

describe('report periods', () => {
  it('names every period kind in words, Chinese first, then English', () => {
    setupApp()
    expect(['2026H1', '2026H2', '2026Q2', '2026-05', '2026', '2026-01-01~2026-03-31'].map(periodWords)).toEqual([
      '2026年上半年',
      '2026年下半年',
      '2026年第二季度',
      '2026年5月',
      '2026年',
      '2026-01-01 至 2026-03-31',
    ])
    expect(periodWords(undefined)).toBe('')
    setLocale('en')
    expect(['2026H1', '2026Q4', '2026-11', '2026'].map(periodWords)).toEqual(['H1 2026', 'Q4 2026', '11/2026', '2026'])
    setLocale('zh-CN')
  })

  it('defaults to the current half-year and builds the request of each kind', () => {
    const spring = defaultPeriod('2026-05-20')
    expect(spring).toMatchObject({ kind: 'HALF_YEAR', year: '2026', half: '1', quarter: '2', month: '2026-05' })
    expect(periodRequest(spring)).toEqual({ period: '2026H1' })
    const autumn = defaultPeriod('2026-12-04')
    expect(periodRequest(autumn)).toEqual({ period: '2026H2' })
    expect(periodRequest({ ...autumn, kind: 'QUARTER' })).toEqual({ period: '2026Q4' })
    expect(periodRequest({ ...autumn, kind: 'MONTH' })).toEqual({ period: '2026-12' })
    expect(periodRequest({ ...autumn, kind: 'YEAR' })).toEqual({ period: '2026' })
    expect(periodRequest({ ...autumn, kind: 'RANGE' })).toBeUndefined()
    expect(periodRequest({ ...autumn, kind: 'RANGE', range: ['2026-03-01', '2026-04-15'] })).toEqual({ from: '2026-03-01', to: '2026-04-15' })
    expect(periodRequest({ ...autumn, year: '' })).toBeUndefined()
  })
})

describe('the report document', () => {
  it('orders the sections by part, under the three fixed headings', () => {
    const sections: ReportSection[] = [
      { key: 'risks.IDEOLOGY', part: 'RISKS' },
      study,
      { key: 'intro', part: 'INTRO' },
      { key: 'problems.none', part: 'PROBLEMS' },
      { key: 'work.duty', part: 'WORK' },
    ]
    const parts = partsOf(sections)
    expect(parts.map((part) => part.heading)).toEqual(['', '一、工作开展情况', '二、存在的问题', '三、防范化解风险的措施'])
    expect(parts.map((part) => part.sections.map((section) => section.key))).toEqual([['intro'], ['work.study', 'work.duty'], ['problems.none'], ['risks.IDEOLOGY']])
    // A part without sections still shows; without an opening, there is no empty block for it.
    expect(partsOf([study]).map((part) => [part.part, part.sections.length])).toEqual([
      ['WORK', 1],
      ['PROBLEMS', 0],
      ['RISKS', 0],
    ])
  })

  it("gives a section its figures in the text's order and counts the moved ones", () => {
    const figures = [figure('records.TRAINING', 2), figure('records.STUDY', 9, { changed: true, previousValue: 7 }), figure('tasks.issued', 5)]
    expect(figuresOf(study, figures).map((item) => item.key)).toEqual(['records.STUDY', 'records.TRAINING'])
    expect(figuresOf({ ...study, figureKeys: ['gone'] }, figures)).toEqual([])
    expect(movedCount(figures)).toBe(1)
    expect(movedCount(undefined)).toBe(0)
  })
})

describe('which sections show the updated draft', () => {
  const edited: ReportSection = { ...study, text: '作者改写的文字。', generated: '开展学习共计11次。', edited: true }
  const revision = (version: number, text: string, generated: string): ReportRevision => ({
    version,
    sections: [{ ...study, text, generated, edited: text !== generated }],
  })

  it('shows nothing beside a drafted paragraph, or an edited one equal to the draft', () => {
    expect(draftState(study, [])).toBe('none')
    expect(draftState({ ...study, edited: true }, [])).toBe('none')
  })

  it('compares with the draft the author saw when they wrote the text (from the revisions)', () => {
    // Newest first: refreshed (draft moved to 11), edited (author saw 9), generated.
    const moved = [revision(2, '作者改写的文字。', '开展学习共计11次。'), revision(1, '作者改写的文字。', '开展学习共计9次。'), revision(0, '开展学习共计9次。', '开展学习共计9次。')]
    expect(draftAtEdit(moved, 'work.study', '作者改写的文字。')).toBe('开展学习共计9次。')
    expect(draftState(edited, [], moved)).toBe('updated')
    // Edited and nothing refreshed since: the draft is only there to compare.
    const unchanged = [revision(1, '作者改写的文字。', '开展学习共计11次。'), revision(0, '开展学习共计11次。', '开展学习共计11次。')]
    expect(draftState(edited, [], unchanged)).toBe('differs')
  })

  it('falls back to the moved figures while the revisions are not known', () => {
    expect(draftState(edited, [figure('records.STUDY', 11, { changed: true, previousValue: 9 })])).toBe('updated')
    expect(draftState(edited, [figure('records.STUDY', 11)])).toBe('differs')
    expect(draftAtEdit([], 'work.study', 'x')).toBeUndefined()
  })
})

describe('drill and source links', () => {
  it('opens the list of each drill with exactly its query', () => {
    expect(DRILL_ROUTES).toEqual({
      ASSIGNMENTS: 'assignments',
      RECORDS: 'records',
      RECTIFICATIONS: 'rectifications',
      RISKS: 'risks',
      OBLIGATIONS: 'risk-obligations',
    })
    const query = { issuedFrom: '2026-01-01', issuedTo: '2026-06-30', status: 'DONE' }
    expect(drillRoute({ list: 'ASSIGNMENTS', query })).toEqual({ name: 'assignments', query })
    expect(drillRoute({ list: 'OBLIGATIONS', query: { kind: 'REVIEW', state: 'MET' } })).toEqual({ name: 'risk-obligations', query: { kind: 'REVIEW', state: 'MET' } })
    expect(drillRoute({ list: 'RISKS' })).toEqual({ name: 'risks', query: {} })
    expect(drillRoute(undefined)).toBeUndefined()
  })

  it('links a counted record to its page: its own, or its task or risk', () => {
    expect(sourceRoute({ list: 'RECTIFICATIONS', id: 'r1' })).toEqual({ name: 'rectification-detail', params: { id: 'r1' } })
    expect(sourceRoute({ list: 'RISKS', id: 'k1' })).toEqual({ name: 'risk-detail', params: { id: 'k1' } })
    expect(sourceRoute({ list: 'ASSIGNMENTS', id: 'a1', parentId: 't1' })).toEqual({ name: 'task-detail', params: { id: 't1' } })
    expect(sourceRoute({ list: 'RECORDS', id: 'w1', parentId: 't2' })).toEqual({ name: 'task-detail', params: { id: 't2' } })
    expect(sourceRoute({ list: 'OBLIGATIONS', id: 'o1', parentId: 'k2' })).toEqual({ name: 'risk-detail', params: { id: 'k2' } })
    expect(sourceRoute({ list: 'RECORDS', id: 'w1' })).toBeUndefined()
  })
})

describe('useReportDetail', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  let stale = false
  let version = 3
  const report = (): Report => ({
    id: 'rep1',
    title: '2026年上半年全面从严治党工作开展情况报告',
    period: { code: '2026H1', words: '2026年上半年' },
    sections: [study, { key: 'problems.none', part: 'PROBLEMS', text: '本期未查找出需要整改的问题。', generated: '本期未查找出需要整改的问题。', figureKeys: [] }],
    figures: [figure('records.STUDY', 9), figure('records.TRAINING', 2)],
    version,
  })

  beforeEach(() => {
    stale = false
    version = 3
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/revisions')) return Promise.resolve(jsonResponse([]))
      if (request.method === 'PATCH' || url.pathname.endsWith('/refresh')) {
        if (stale) return Promise.resolve(jsonResponse({ status: 412, code: 'precondition-failed', title: 'Precondition Failed', detail: '该记录已被他人修改' }, 412))
        version += 1
        const moved = url.pathname.endsWith('/refresh')
        const body: Report = { ...report(), figures: [figure('records.STUDY', 11, { changed: moved, previousValue: 9 }), figure('records.TRAINING', 2)] }
        return Promise.resolve(jsonResponse(body, 200, { ETag: `"${version}"` }))
      }
      return Promise.resolve(jsonResponse(report(), 200, { ETag: `"${version}"` }))
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  function sent(method: string): Request[] {
    return fetchMock.mock.calls.map(([request]) => request as Request).filter((request) => request.method === method)
  }

  async function mounted(permissions: Parameters<typeof userWith>[1] = ['updateReport', 'refreshReport']) {
    const { plugins } = setupApp(userWith(['supervisor'], permissions))
    const router = await testRouter('/reports/rep1', [
      { path: '/reports/:id', name: 'report-detail', component: { render: () => null } },
      { path: '/assignments', name: 'assignments', component: { render: () => null } },
    ])
    return { page: await mountComposable(useReportDetail, [...plugins, router]), router }
  }

  it('saves one section with the ETag, and puts the draft back by leaving the text out', async () => {
    const { page } = await mounted()
    expect(page.report.value?.title).toContain('2026年上半年')
    expect(page.parts.value.map((part) => part.sections.length)).toEqual([1, 1, 0])
    expect(page.canEdit.value).toBe(true)

    page.startEdit(study)
    expect(page.editing['work.study']).toBe('开展学习共计9次。')
    page.editing['work.study'] = '  作者改写的文字。 '
    expect(await page.saveSection('work.study')).toBe(true)
    const [patch] = sent('PATCH')
    expect(patch?.headers.get('If-Match')).toBe('"3"')
    expect(await patch?.clone().json()).toEqual({ sections: [{ key: 'work.study', text: '作者改写的文字。' }] })
    expect(page.editing['work.study']).toBeUndefined()
    expect(messageSuccess).toHaveBeenCalledWith('段落已保存')

    // 恢复草稿 is confirmed first; then the next save sends the new ETag and the key alone (text null on the server).
    confirm.mockRejectedValueOnce('cancel')
    expect(await page.restoreSection('work.study')).toBe(false)
    expect(sent('PATCH')).toHaveLength(1)
    confirm.mockResolvedValueOnce('confirm')
    expect(await page.restoreSection('work.study')).toBe(true)
    const restore = sent('PATCH')[1]
    expect(restore?.headers.get('If-Match')).toBe('"4"')
    expect(await restore?.clone().json()).toEqual({ sections: [{ key: 'work.study' }] })
    expect(messageSuccess).toHaveBeenLastCalledWith('已恢复为系统草稿')

    // 采用此稿 takes the draft at once; an unchanged title is not sent, a new one is.
    await page.takeDraft('work.study')
    expect(await sent('PATCH')[2]?.clone().json()).toEqual({ sections: [{ key: 'work.study' }] })
    page.titleDraft.value = page.report.value?.title ?? ''
    expect(await page.saveTitle()).toBe(true)
    expect(sent('PATCH')).toHaveLength(3)
    page.titleDraft.value = ' 新的标题 '
    expect(await page.saveTitle()).toBe(true)
    expect(await sent('PATCH')[3]?.clone().json()).toEqual({ title: '新的标题' })
    expect(page.titleDraft.value).toBeNull()
  })

  it('reloads and says so when someone else saved first, keeping the text being edited', async () => {
    const { page } = await mounted()
    page.startEdit(study)
    page.editing['work.study'] = '尚未保存的文字'
    stale = true
    const gets = sent('GET').filter((request) => request.url.endsWith('/reports/rep1')).length
    expect(await page.saveSection('work.study')).toBe(false)
    await flush()
    expect(sent('GET').filter((request) => request.url.endsWith('/reports/rep1')).length).toBe(gets + 1)
    expect(messageWarning).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('已被他人修改') }))
    expect(page.editing['work.study']).toBe('尚未保存的文字')
    expect(messageError).not.toHaveBeenCalled()
  })

  it('refreshes the data and says how many figures moved; the moved one is highlighted', async () => {
    const { page } = await mounted()
    await page.refreshData()
    const [refresh] = sent('POST')
    expect(refresh?.url).toMatch(/\/reports\/rep1\/refresh$/)
    expect(refresh?.headers.get('If-Match')).toBe('"3"')
    expect(messageSuccess).toHaveBeenCalledWith('数据已刷新，1 项数据有变化（已标出）')
    expect(page.report.value?.figures?.find((item) => item.key === 'records.STUDY')).toMatchObject({ changed: true, previousValue: 9 })
  })

  it('exports Word with or without the appendix, and offers Word when the server cannot make PDF', async () => {
    const { page } = await mounted()
    downloadFile.mockResolvedValueOnce('报告.docx')
    await page.exportDocx(true)
    expect(downloadFile).toHaveBeenLastCalledWith('/api/v1/reports/rep1/docx', expect.objectContaining({ query: { appendix: true } }))

    const { ApiError } = await import('@/api/problem')
    downloadFile.mockRejectedValueOnce(
      new ApiError(503, { type: 'about:blank', status: 503, code: 'report.pdf-unavailable', title: 'Service Unavailable', detail: '服务器未安装 LibreOffice，暂不能导出 PDF' }),
    )
    downloadFile.mockResolvedValueOnce('报告.docx')
    confirm.mockResolvedValueOnce('confirm')
    await page.exportPdf(false)
    expect(confirm).toHaveBeenCalledWith('服务器未安装 LibreOffice，暂不能导出 PDF', 'PDF 暂不可用', expect.objectContaining({ confirmButtonText: '改为导出 Word' }))
    expect(downloadFile).toHaveBeenLastCalledWith('/api/v1/reports/rep1/docx', expect.objectContaining({ query: { appendix: false } }))
  })

  it('opens the drill list with its query, only where the page exists', async () => {
    const { page, router } = await mounted([])
    expect(page.canEdit.value).toBe(false)
    const assignments = figure('tasks.done', 4, { drill: { list: 'ASSIGNMENTS', query: { issuedFrom: '2026-01-01', status: 'DONE' } } })
    expect(page.drillAvailable(assignments)).toBe(true)
    expect(page.drillAvailable(figure('records.STUDY', 9))).toBe(false)
    page.figure.value = assignments
    await page.openDrill(assignments)
    expect(router.currentRoute.value.name).toBe('assignments')
    expect(router.currentRoute.value.query).toEqual({ issuedFrom: '2026-01-01', status: 'DONE' })
    expect(page.figure.value).toBeNull()
  })
})

describe('useReportList and the template', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/report-template')) {
        return Promise.resolve(jsonResponse({ custom: request.method === 'PUT', fileName: '模板.docx', placeholders: ['{{title}}'] }))
      }
      if (url.pathname.endsWith('/reports') && request.method === 'POST') return Promise.resolve(jsonResponse({ id: 'rep9', version: 0 }, 201))
      if (url.pathname.endsWith('/reports')) return Promise.resolve(jsonResponse({ items: [{ id: 'rep1', title: '报告', periodCode: '2026H1' }] }))
      return Promise.resolve(jsonResponse([]))
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  it('drafts a report for the chosen period and opens it', async () => {
    const { plugins } = setupApp(userWith(['supervisor'], ['createReport']))
    const router = await testRouter('/reports', [
      { path: '/reports', name: 'reports', component: { render: () => null } },
      { path: '/reports/:id', name: 'report-detail', component: { render: () => null } },
    ])
    const page = await mountComposable(useReportList, [...plugins, router])
    expect(page.table.items.value.map((item) => item.title)).toEqual(['报告'])
    expect(page.canCreate.value).toBe(true)
    expect(page.seesAll.value).toBe(true)
    expect(page.canManageTemplate.value).toBe(false)
    expect(await page.create({ period: '2026H1', unitId: 'u-2' })).toBe(true)
    const post = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.method === 'POST')
    expect(await post?.clone().json()).toEqual({ period: '2026H1', unitId: 'u-2' })
    expect(router.currentRoute.value.fullPath).toBe('/reports/rep9')
  })

  it('puts a .docx template as its bytes and refuses other files', async () => {
    const { plugins } = setupApp(userWith(['admin'], ['replaceReportTemplate']))
    const template = await mountComposable(useReportTemplate, plugins)
    expect(template.info.value?.custom).toBe(false)
    expect(isDocx({ name: '模板.DOCX' })).toBe(true)
    expect(await template.upload(new File(['x'], '模板.doc'))).toBe(false)
    expect(messageWarning).toHaveBeenCalledWith('请选择 Word 文档（.docx）')

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '新模板.docx')
    expect(await template.upload(file)).toBe(true)
    const put = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.method === 'PUT')
    expect(new URL(put?.url ?? '').searchParams.get('fileName')).toBe('新模板.docx')
    expect(put?.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect([...new Uint8Array((await put?.clone().arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual([0x50, 0x4b, 3, 4])
    expect(template.info.value?.custom).toBe(true)
  })
})
