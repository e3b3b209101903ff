import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { initApi } from '@/api/client'
import type * as Files from '@/api/files'
import type { ImportHeader, ImportJob, ImportLedger } from '@/api/imports'
import { setLocale } from '@/i18n'
import {
  annotatedName,
  applySavedMapping,
  checkImportFile,
  columnOptions,
  draftFromHeaders,
  formatDuration,
  formatRate,
  landingStep,
  ledgerLabel,
  mappingDiffers,
  recordRoute,
} from '@/views/imports/importModel'
import { importHistoryQuery } from '@/views/imports/useImportHistory'
import { flush, jsonResponse, mountComposableIn, setupApp, testRouter, userWith } from './helpers'

const { messageError, messageSuccess, prompt, confirm, uploadForm } = vi.hoisted(() => ({
  messageError: vi.fn(),
  messageSuccess: vi.fn(),
  prompt: vi.fn(),
  confirm: vi.fn(),
  uploadForm: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: vi.fn() },
  ElMessageBox: { prompt, confirm },
}))
// The multipart upload (XHR) is the one part not run here; what it is given is checked instead.
vi.mock('@/api/files', async (importOriginal) => ({ ...(await importOriginal<typeof Files>()), uploadForm }))

const { useImportWizard } = await import('@/views/imports/useImportWizard')
const { default: ImportWizardView } = await import('@/views/imports/ImportWizardView.vue')

const RISKS: ImportLedger = {
  ledger: 'risks',
  label: '风险台账',
  sheets: [
    {
      name: '风险',
      child: false,
      columns: [
        { key: 'name', header: '风险名称', required: true, type: 'TEXT', synonyms: ['名称'], options: [], readOnly: false },
        { key: 'category', header: '风险类别', required: true, type: 'ENUM', synonyms: [], options: ['廉政', '保密'], readOnly: false },
        { key: 'unit', header: '责任单位', required: true, type: 'UNIT', synonyms: [], options: [], readOnly: false },
        { key: 'level', header: '风险等级', required: false, type: 'ENUM', synonyms: [], options: [], readOnly: true },
      ],
    },
  ],
}

const MATCHED: ImportHeader[] = [
  { sheet: '风险', header: '风险名称', key: 'name', label: '风险名称' },
  { sheet: '风险', header: '类别', key: 'category', label: '风险类别' },
  { sheet: '风险', header: '单位', key: 'unit', label: '责任单位' },
]

function job(overrides: Partial<ImportJob>): ImportJob {
  return {
    id: 'j1',
    ledger: 'risks',
    fileName: '风险点.xlsx',
    format: 'XLSX',
    status: 'VALIDATING',
    conflict: 'STOP',
    validRowsOnly: false,
    createdByName: '刘洋',
    createdAt: '2026-12-02T09:00:00+08:00',
    counts: { rows: 3, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0 },
    problemCount: 0,
    headers: MATCHED,
    allowedActions: [],
    ...overrides,
  }
}

const ENABLED = (...actions: string[]) => actions.map((action) => ({ action, enabled: true }))

describe('import model', () => {
  it('opens a job on the step of its state', () => {
    expect(landingStep(null)).toBe('source')
    expect(landingStep(job({ status: 'VALIDATING' }))).toBe('report')
    expect(landingStep(job({ status: 'VALIDATED' }))).toBe('report')
    expect(landingStep(job({ status: 'VALIDATED', headers: [...MATCHED, { sheet: '风险', header: '备注' }] }))).toBe('mapping')
    // Checked again with the user's own mapping: an unmatched header is one they ignore.
    expect(landingStep(job({ status: 'VALIDATED', headers: [...MATCHED, { sheet: '风险', header: '备注' }] }), true)).toBe('report')
    expect(landingStep(job({ status: 'COMMITTING' }))).toBe('commit')
    expect(['COMMITTED', 'FAILED', 'CANCELLED'].map((status) => landingStep(job({ status: status as ImportJob['status'] })))).toEqual(['result', 'result', 'result'])
  })

  it('keeps the mapping as sheet → header → key, and sees a change', () => {
    const headers: ImportHeader[] = [...MATCHED, { sheet: '风险', header: '备注' }]
    const draft = draftFromHeaders(headers)
    expect(draft).toEqual({ 风险: { 风险名称: 'name', 类别: 'category', 单位: 'unit', 备注: '' } })
    expect(mappingDiffers(draft, headers)).toBe(false)
    expect(mappingDiffers({ 风险: { ...draft['风险'], 备注: 'manifestation' } }, headers)).toBe(true)
    expect(mappingDiffers({ 风险: { ...draft['风险'], 类别: '' } }, headers)).toBe(true)
  })

  it('lays a saved mapping over the headers this file has, and no others', () => {
    const draft = draftFromHeaders(MATCHED)
    expect(applySavedMapping(draft, { 风险: { 类别: '', 其他列: 'name' }, 其他表: { x: 'y' } })).toEqual({ 风险: { 风险名称: 'name', 类别: '', 单位: 'unit' } })
    expect(applySavedMapping(draft, undefined)).toEqual(draft)
  })

  it('offers the sheet’s columns, read-only ones disabled', () => {
    expect(columnOptions(RISKS, '风险')).toEqual([
      { value: 'name', label: '风险名称', required: true, disabled: false },
      { value: 'category', label: '风险类别', required: true, disabled: false },
      { value: 'unit', label: '责任单位', required: true, disabled: false },
      { value: 'level', label: '风险等级', required: false, disabled: true },
    ])
    expect(columnOptions(RISKS, '没有的表')).toEqual([])
    expect(columnOptions(undefined, '风险')).toEqual([])
  })

  it('links each imported record to its page', () => {
    expect(recordRoute({ ledger: 'risks', recordId: 'r1' })).toEqual({ name: 'risk-detail', params: { id: 'r1' } })
    expect(recordRoute({ ledger: 'tasks', recordId: 't1' })).toEqual({ name: 'task-detail', params: { id: 't1' } })
    expect(recordRoute({ ledger: 'rectifications', recordId: 'z1' })).toEqual({ name: 'rectification-detail', params: { id: 'z1' } })
    expect(recordRoute({ ledger: 'risks' })).toBeNull()
  })

  it('accepts xlsx and csv files within the limit', () => {
    expect(checkImportFile({ name: '风险.XLSX', size: 10 })).toEqual({ ok: true })
    expect(checkImportFile({ name: 'a.csv', size: 10 })).toEqual({ ok: true })
    expect(checkImportFile({ name: 'a.xls', size: 10 })).toEqual({ ok: false, reason: 'bad-type' })
    expect(checkImportFile({ name: 'a.csv', size: 0 })).toEqual({ ok: false, reason: 'empty' })
    expect(checkImportFile({ name: 'a.csv', size: 21 * 1024 * 1024 })).toEqual({ ok: false, reason: 'too-large' })
  })

  it('says times, rates and names for people, in both languages', () => {
    setupApp()
    expect([formatDuration(7.4), formatDuration(65), formatDuration(3725), formatDuration(null), formatDuration(-1)]).toEqual([
      '7 秒',
      '1 分 5 秒',
      '1 小时 2 分',
      '',
      '',
    ])
    expect([formatRate(1234.4), formatRate(3.25), formatRate(undefined)]).toEqual(['1234', '3.3', ''])
    expect(ledgerLabel('risks')).toBe('风险台账')
    expect(ledgerLabel('assets', '资产台账')).toBe('资产台账')
    expect(annotatedName('风险点.xlsx')).toBe('风险点-问题.xlsx')
    expect(importHistoryQuery({ ledger: 'risks', status: 'COMMITTED' })).toEqual({ ledger: 'risks', status: 'COMMITTED' })
    expect(importHistoryQuery({ ledger: 'nope', status: '' })).toEqual({})
    setLocale('en')
    expect(formatDuration(65)).toBe('1 min 5 s')
    expect(ledgerLabel('tasks')).toBe('Supervision tasks')
  })
})

/** A tiny import API: the job follows `script` one answer per GET; actions answer what the test sets. */
class FakeServer {
  script: ImportJob[] = []
  current: ImportJob = job({})
  problems = [{ sheet: '风险', row: 3, column: '风险类别', value: '贪腐', message: '不是可选值：廉政、保密' }]
  records = [{ row: 2, ledger: 'risks', recordId: 'r1', code: 'FX-2026-0101', title: '采购风险', outcome: 'CREATED' }]
  answers: Record<string, ImportJob> = {}
  failGet: number | null = null
  calls: { method: string; path: string; query: URLSearchParams; body: unknown }[] = []

  readonly fetch = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = typeof input === 'string' ? new Request(input, init) : input
    const url = new URL(request.url)
    const path = url.pathname.replace('/api/v1', '')
    const text = request.method === 'GET' ? '' : await request.text()
    const body = text === '' ? undefined : (JSON.parse(text) as unknown)
    this.calls.push({ method: request.method, path, query: url.searchParams, body })
    if (path === '/imports/ledgers') return jsonResponse([{ ledger: 'tasks', label: '督办任务', permitted: false, sheets: [] }, { ...RISKS, permitted: true }])
    if (path === '/import-mappings' && request.method === 'GET') return jsonResponse([{ id: 'm1', ledger: 'risks', name: '区县格式', mapping: { 风险: { 备注: 'name' } } }])
    if (path === '/import-mappings' && request.method === 'POST') return jsonResponse({ id: `m-${this.calls.length}`, ...(body as object) }, 201)
    if (path === '/imports') return jsonResponse({ items: [this.current] })
    if (path.endsWith('/problems')) return jsonResponse({ items: this.problems })
    if (path.endsWith('/records')) return jsonResponse({ items: this.records })
    const action = /\/imports\/[^/]+\/(revalidate|commit|cancel)$/.exec(path)?.[1]
    if (action !== undefined) {
      const answer = this.answers[action] ?? this.current
      this.current = answer
      return jsonResponse(answer, 202)
    }
    if (/^\/imports\/[^/]+$/.test(path)) {
      if (this.failGet !== null) return jsonResponse({ status: this.failGet, code: 'not-found', title: 'Not Found' }, this.failGet)
      const next = this.script.shift()
      if (next !== undefined) this.current = next
      return jsonResponse(this.current)
    }
    return jsonResponse({ status: 404, code: 'not-found', title: 'Not Found' }, 404)
  })

  count(method: string, path: string): number {
    return this.calls.filter((call) => call.method === method && call.path === path).length
  }

  last(method: string, path: string) {
    return this.calls.filter((call) => call.method === method && call.path === path).at(-1)
  }
}

/** The fake server as the page's API, and a router with the import pages (and a record page). */
function useFakeServer(): () => FakeServer {
  let server = new FakeServer()
  beforeEach(() => {
    server = new FakeServer()
    initApi('http://api.test')
    vi.stubGlobal('fetch', server.fetch)
    for (const mock of [messageError, messageSuccess, prompt, confirm, uploadForm]) mock.mockReset()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })
  return () => server
}

async function importRouter(path: string) {
  const Blank = { render: () => null }
  return await testRouter(path, [
    { path: '/imports/new', name: 'import-new', component: Blank },
    { path: '/imports/:id', name: 'import-detail', component: Blank },
    { path: '/imports', name: 'imports', component: Blank },
    { path: '/risks/:id', name: 'risk-detail', component: Blank },
  ])
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (condition()) return
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('useImportWizard', () => {
  const fake = useFakeServer()
  let server: FakeServer
  beforeEach(() => {
    server = fake()
  })

  async function wizardAt(path: string) {
    const { plugins } = setupApp(userWith(['unit_officer'], []))
    const router = await importRouter(path)
    const { result, wrapper } = await mountComposableIn(() => useImportWizard({ pollMs: 1 }), [...plugins, router])
    return { wizard: result, wrapper, router }
  }

  it('uploads, follows the dry run, checks again with a changed mapping, commits and shows the records', async () => {
    const { wizard, router, wrapper } = await wizardAt('/imports/new')
    // Only the ledgers the role may fill are offered.
    expect(wizard.ledgers.value.map((ledger) => ledger.ledger)).toEqual(['risks'])
    expect(wizard.form.ledger).toBe('risks')
    expect(wizard.step.value).toBe('source')
    expect(wizard.mappings.value.map((mapping) => mapping.name)).toEqual(['区县格式'])

    expect(wizard.chooseFile(new File(['x'], 'notes.txt'))).toBe(false)
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '“notes.txt”不是 xlsx 或 csv 文件' }))
    expect(wizard.file.value).toBeNull()

    const file = new File(['PK'], '风险点.xlsx')
    expect(wizard.chooseFile(file)).toBe(true)
    wizard.form.conflict = 'SKIP'
    wizard.form.encoding = 'GB18030'
    uploadForm.mockImplementation((_path: string, _form: FormData, onProgress?: (percent: number) => void) => {
      onProgress?.(40)
      return { promise: Promise.resolve(job({ status: 'VALIDATING', conflict: 'SKIP', progress: { phase: 'VALIDATE', processed: 1, total: 3, percent: 33 } })), abort: vi.fn() }
    })
    server.script = [
      job({ status: 'VALIDATING', progress: { phase: 'VALIDATE', processed: 2, total: 3, percent: 66 } }),
      job({
        status: 'VALIDATED',
        conflict: 'SKIP',
        counts: { rows: 3, valid: 2, invalid: 1 },
        problemCount: 1,
        allowedActions: ENABLED('commit', 'revalidate'),
      }),
    ]

    await wizard.start()
    const [path, form] = uploadForm.mock.calls[0] as [string, FormData]
    expect(path).toBe('/api/v1/imports')
    expect(form.get('ledger')).toBe('risks')
    expect(form.get('conflict')).toBe('SKIP')
    expect(form.get('encoding')).toBe('GB18030')
    expect((form.get('file') as File).name).toBe('风险点.xlsx')
    expect(form.has('mappingId')).toBe(false)
    expect(wizard.uploadPercent.value).toBe(40)
    expect(router.currentRoute.value.fullPath).toBe('/imports/j1')
    expect(wizard.step.value).toBe('report')
    expect(wizard.busy.value).toBe(true)

    await until(() => wizard.job.value?.status === 'VALIDATED', 'the dry run')
    await flush()
    expect(wizard.busy.value).toBe(false)
    expect(wizard.step.value).toBe('report')
    expect(wizard.problems.items.value).toEqual(server.problems)
    expect(server.last('GET', '/imports/j1/problems')?.query.get('limit')).toBe('50')
    // The route change to /imports/j1 did not load the job a second time.
    const polls = server.count('GET', '/imports/j1')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.count('GET', '/imports/j1')).toBe(polls)

    wizard.goTo('mapping')
    expect(wizard.step.value).toBe('mapping')
    expect(wizard.mappingChanged.value).toBe(false)
    wizard.setMappingCell('风险', '类别', '')
    expect(wizard.mappingChanged.value).toBe(true)
    server.answers.revalidate = job({ status: 'VALIDATING', allowedActions: [] })
    // The server now reports 类别 as ignored, as asked.
    const ignored: ImportHeader[] = MATCHED.map((header) => (header.header === '类别' ? { sheet: '风险', header: '类别' } : header))
    server.script = [job({ status: 'VALIDATED', headers: ignored, counts: { rows: 3, valid: 3, invalid: 0 }, problemCount: 0, allowedActions: ENABLED('commit', 'revalidate') })]
    server.problems = []
    await wizard.revalidate()
    expect(server.last('POST', '/imports/j1/revalidate')?.body).toEqual({
      mapping: { 风险: { 风险名称: 'name', 类别: '', 单位: 'unit' } },
      conflict: 'SKIP',
    })
    expect(wizard.step.value).toBe('report')
    await until(() => wizard.job.value?.status === 'VALIDATED', 'the second dry run')
    await flush()
    // The user's own mapping was checked: its report, not the columns again.
    expect(wizard.step.value).toBe('report')
    expect(wizard.mappingChanged.value).toBe(false)
    expect(wizard.problems.items.value).toEqual([])

    wizard.goTo('commit')
    wizard.validRowsOnly.value = true
    server.answers.commit = job({ status: 'COMMITTING', progress: { phase: 'COMMIT', processed: 0, total: 3, percent: 0 }, allowedActions: ENABLED('cancel') })
    server.script = [
      job({ status: 'COMMITTING', progress: { phase: 'COMMIT', processed: 2, total: 3, percent: 66, rowsPerSecond: 120, etaSeconds: 1 } }),
      job({ status: 'COMMITTED', counts: { rows: 3, valid: 3, created: 1, updated: 1, unchanged: 1 }, finishedAt: '2026-12-02T09:01:00+08:00' }),
    ]
    await wizard.commit()
    expect(server.last('POST', '/imports/j1/commit')?.body).toEqual({ validRowsOnly: true })
    expect(wizard.step.value).toBe('commit')
    expect(wizard.actions.value.state('cancel')).toEqual({ shown: true, disabled: false, reason: '' })

    await until(() => wizard.job.value?.status === 'COMMITTED', 'the commit')
    await flush()
    expect(wizard.step.value).toBe('result')
    expect(wizard.records.items.value).toEqual(server.records)
    // Nothing more to follow: polling has stopped.
    const after = server.count('GET', '/imports/j1')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.count('GET', '/imports/j1')).toBe(after)

    // 新建导入 keeps the ledger and options, and starts afresh.
    await wizard.restart()
    expect(router.currentRoute.value.name).toBe('import-new')
    expect(wizard.job.value).toBeNull()
    expect(wizard.step.value).toBe('source')
    expect(wizard.form.conflict).toBe('STOP')
    wrapper.unmount()
  })

  it('opens a job whose headers were not all recognised on its columns, applies and saves mappings', async () => {
    server.script = [
      job({
        id: 'j2',
        status: 'VALIDATED',
        headers: [...MATCHED, { sheet: '风险', header: '备注' }],
        allowedActions: ENABLED('commit', 'revalidate'),
      }),
    ]
    const { wizard } = await wizardAt('/imports/j2')
    await flush()
    expect(wizard.job.value?.id).toBe('j2')
    expect(wizard.step.value).toBe('mapping')
    expect(wizard.draft.value['风险']?.['备注']).toBe('')

    wizard.applyMapping('m1')
    expect(wizard.draft.value['风险']?.['备注']).toBe('name')
    expect(messageSuccess).toHaveBeenCalledWith('已套用“区县格式”，请重新检查')
    expect(wizard.mappingChanged.value).toBe(true)

    prompt.mockResolvedValue({ value: '  本局格式 ' })
    await wizard.saveMapping()
    expect(server.last('POST', '/import-mappings')?.body).toEqual({
      ledger: 'risks',
      name: '本局格式',
      mapping: { 风险: { 风险名称: 'name', 类别: 'category', 单位: 'unit', 备注: 'name' } },
    })
    expect(wizard.mappings.value.map((mapping) => mapping.name)).toEqual(['区县格式', '本局格式'])
    // Saving under a name that exists replaces that mapping (as the server does).
    prompt.mockResolvedValue({ value: '区县格式' })
    await wizard.saveMapping()
    expect(wizard.mappings.value.map((mapping) => mapping.name)).toEqual(['本局格式', '区县格式'])

    prompt.mockRejectedValue('cancel')
    await wizard.saveMapping()
    expect(server.count('POST', '/import-mappings')).toBe(2)
  })

  it('cancels a running commit after confirmation, and stops asking once unmounted', async () => {
    server.script = [job({ id: 'j3', status: 'COMMITTING', progress: { phase: 'COMMIT', processed: 10, total: 100, percent: 10 }, allowedActions: ENABLED('cancel') })]
    const { wizard, wrapper } = await wizardAt('/imports/j3')
    expect(wizard.step.value).toBe('commit')
    expect(wizard.busy.value).toBe(true)

    confirm.mockRejectedValueOnce('cancel')
    await wizard.cancel()
    expect(server.count('POST', '/imports/j3/cancel')).toBe(0)

    confirm.mockResolvedValueOnce('confirm')
    server.answers.cancel = job({ id: 'j3', status: 'CANCELLED' })
    await wizard.cancel()
    expect(server.count('POST', '/imports/j3/cancel')).toBe(1)
    expect(wizard.step.value).toBe('result')
    expect(wizard.busy.value).toBe(false)

    // A running job again, then the page goes away: no request after that.
    server.script = [job({ id: 'j4', status: 'VALIDATING' })]
    const other = await wizardAt('/imports/j4')
    expect(other.wizard.busy.value).toBe(true)
    other.wrapper.unmount()
    const asked = server.count('GET', '/imports/j4')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.count('GET', '/imports/j4')).toBe(asked)
    wrapper.unmount()
  })

  it('reports a job that went away once and stops polling', async () => {
    server.script = [job({ id: 'j5', status: 'VALIDATING' })]
    const { wizard, wrapper } = await wizardAt('/imports/j5')
    expect(wizard.busy.value).toBe(true)
    server.failGet = 404
    await until(() => messageError.mock.calls.length > 0, 'the error')
    const asked = server.count('GET', '/imports/j5')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.count('GET', '/imports/j5')).toBe(asked)
    expect(messageError).toHaveBeenCalledTimes(1)
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '记录不存在，或不在您的数据权限范围内' }))
    wrapper.unmount()
  })
})

describe('import pages', () => {
  const fake = useFakeServer()
  let server: FakeServer
  beforeEach(() => {
    server = fake()
  })

  async function page(path: string) {
    const { plugins } = setupApp(userWith(['unit_officer'], []))
    const router = await importRouter(path)
    const wrapper = mount(ImportWizardView, { global: { plugins: [...plugins, router] } })
    await flush()
    return wrapper
  }

  it('shows the progress of a running commit in words, with 取消', async () => {
    server.script = [
      job({
        status: 'COMMITTING',
        progress: { phase: 'COMMIT', processed: 2000, total: 3000, percent: 66.7, rowsPerSecond: 120, etaSeconds: 8, attempt: 2 },
        allowedActions: ENABLED('cancel'),
      }),
    ]
    const wrapper = await page('/imports/j1')
    const progress = wrapper.get('[data-testid="import-progress"]')
    expect(progress.attributes('data-phase')).toBe('COMMIT')
    expect(progress.text()).toContain('正在导入')
    expect(wrapper.get('[data-testid="import-progress-details"]').text()).toBe('2000 / 3000 行 · 120 行/秒 · 预计剩余 8 秒 · 第 2 次尝试')
    expect(wrapper.get('[data-testid="import-cancel"]').text()).toBe('取消导入')
    expect(wrapper.get('[data-testid="import-job-status"]').text()).toBe('导入中')
    expect(wrapper.text()).not.toContain('COMMITTING')
    wrapper.unmount()
  })

  it('lists the problems of a dry run, then the records of the import with their links', async () => {
    server.script = [job({ status: 'VALIDATED', counts: { rows: 3, valid: 2, invalid: 1 }, problemCount: 1, allowedActions: ENABLED('commit', 'revalidate') })]
    const wrapper = await page('/imports/j1')
    await flush()
    expect(wrapper.get('[data-testid="import-check-counts-invalid"]').text()).toBe('1有误')
    const problems = wrapper.get('[data-testid="import-problems"]').text()
    expect(problems).toContain('风险类别')
    expect(problems).toContain('贪腐')
    expect(problems).toContain('不是可选值：廉政、保密')
    expect(wrapper.find('[data-testid="import-annotated"]').exists()).toBe(true)
    wrapper.unmount()

    server.script = [job({ status: 'COMMITTED', counts: { rows: 3, created: 1, updated: 1, unchanged: 1 } })]
    const done = await page('/imports/j1')
    await flush()
    expect(done.get('[data-testid="import-committed"]').text()).toContain('导入完成：新建 1 条，更新 1 条')
    const link = done.get('[data-testid="import-record-link"]')
    expect(link.text()).toBe('FX-2026-0101')
    expect(link.attributes('href')).toBe('/risks/r1')
    expect(done.get('[data-testid="import-records"]').text()).toContain('新建')
    done.unmount()
  })

  it('lists the jobs of 导入记录 in words, filtered as the URL says', async () => {
    server.current = job({ status: 'COMMITTED', counts: { rows: 3, valid: 3, created: 2, updated: 1 } })
    const { plugins } = setupApp(userWith(['unit_officer'], []))
    const router = await importRouter('/imports?ledger=risks&status=COMMITTED')
    const { default: ImportHistoryView } = await import('@/views/imports/ImportHistoryView.vue')
    const wrapper = mount(ImportHistoryView, { global: { plugins: [...plugins, router] } })
    await flush()
    const query = server.last('GET', '/imports')?.query
    expect(query?.get('ledger')).toBe('risks')
    expect(query?.get('status')).toBe('COMMITTED')
    const row = wrapper.get('[data-testid="import-history-table"] .el-table__row').text()
    expect(row).toContain('风险点.xlsx')
    expect(row).toContain('风险台账')
    expect(row).toContain('已导入')
    expect(row).toContain('刘洋')
    expect(row).not.toMatch(/COMMITTED|risks/)
    expect(wrapper.get('[data-testid="import-history-link"]').attributes('href')).toBe('/imports/j1')
    wrapper.unmount()
  })
})
