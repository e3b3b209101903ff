import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { ElDropdown } from 'element-plus'
import { initApi } from '@/api/client'
import { exportQuery, listExportQuery } from '@/api/exports'
import { filenameFromDisposition, queryString } from '@/api/files'
import { usePagedTable, type Page } from '@/composables/usePagedTable'
import { assignmentListQuery } from '@/views/tasks/useAssignmentList'
import { flush, jsonResponse, mountComposable, setupApp, testRouter } from './helpers'

const { messageError, messageSuccess } = vi.hoisted(() => ({ messageError: vi.fn(), messageSuccess: vi.fn() }))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: vi.fn() },
}))

const { default: ExportButton } = await import('@/components/ExportButton.vue')

describe('Content-Disposition file names', () => {
  it.each([
    // RFC 5987: the extended name wins, percent-decoded UTF-8, whichever comes first.
    [`attachment; filename="export.xlsx"; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6-20261202.xlsx`, '任务台账-20261202.xlsx'],
    [`attachment; filename*=utf-8''%E9%A3%8E%E9%99%A9%20%E5%8F%B0%E8%B4%A6.csv; filename="x.csv"`, '风险 台账.csv'],
    [`attachment; filename*=UTF-8'zh-CN'%E6%95%B4%E6%94%B9.xlsx`, '整改.xlsx'],
    [`attachment; filename*=ISO-8859-1''caf%E9.csv`, 'café.csv'],
    // Plain names, quoted (with escapes and a ';' inside) or not.
    ['attachment; filename="tasks-2026.xlsx"', 'tasks-2026.xlsx'],
    ['attachment; filename="a \\"b\\"; c.csv"', 'a "b"; c.csv'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ['ATTACHMENT; FILENAME=upper.csv', 'upper.csv'],
    // A broken extended name falls back to the plain one.
    [`attachment; filename*=UTF-8''%E4%ZZ.xlsx; filename="fallback.xlsx"`, 'fallback.xlsx'],
    // A name is never a path.
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\temp\\\\x.csv"', 'x.csv'],
  ])('%s → %s', (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name)
  })

  it.each([[null], [undefined], [''], ['attachment'], ['inline; filename=""'], ['attachment; filename=".."']])('names nothing for %s', (header) => {
    expect(filenameFromDisposition(header)).toBeUndefined()
  })
})

describe('export queries', () => {
  it('writes only the set values, repeating arrays', () => {
    expect(queryString({ a: 'x y', b: '', c: undefined, d: null, e: 0, f: false, g: ['1', '2'] })).toBe('?a=x+y&e=0&f=false&g=1&g=2')
    expect(queryString({})).toBe('')
    expect(queryString(undefined)).toBe('')
  })

  it('is the list query without paging, plus the format', () => {
    expect(exportQuery({ status: 'ISSUED', sort: '-createdAt', limit: 20, cursor: 'abc', includeTotal: true }, 'csv')).toEqual({
      status: 'ISSUED',
      sort: '-createdAt',
      format: 'csv',
    })
  })

  it('turns the applied filters and sort into the list query', () => {
    expect(listExportQuery({ filters: { open: 'false', status: 'PENDING' }, sort: 'deadline' }, assignmentListQuery)).toEqual({
      open: false,
      status: 'PENDING',
      sort: 'deadline',
    })
    expect(assignmentListQuery({ open: 'true' })).toEqual({ open: true })
    expect(assignmentListQuery({})).toEqual({})
  })

  it('exports what the list shows: the applied filters, not what is typed in the form meanwhile', async () => {
    const { plugins } = setupApp()
    const router = await testRouter('/list?status=ISSUED')
    const fetch = vi.fn(async (): Promise<Page<{ id: string }>> => ({ items: [{ id: '1' }], nextCursor: 'next' }))
    const table = await mountComposable(
      () => usePagedTable<{ id: string }, { q: string; status: string }>({ fetch, filters: { q: '', status: '' }, sort: '-createdAt', router }),
      [...plugins, router],
    )
    expect(table.applied.value).toEqual({ filters: { status: 'ISSUED' }, sort: '-createdAt' })

    table.filters.q = 'typed, not searched'
    expect(table.applied.value.filters).toEqual({ status: 'ISSUED' })
    // "Load more" continues the list shown, not the form.
    await table.loadMore()
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { status: 'ISSUED' }, cursor: 'next' }))

    await table.search()
    expect(table.applied.value).toEqual({ filters: { q: 'typed, not searched', status: 'ISSUED' }, sort: '-createdAt' })
  })
})

describe('ExportButton', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  const saved: { name: string; href: string }[] = []

  beforeEach(() => {
    initApi('http://api.test')
    saved.length = 0
    messageError.mockReset()
    messageSuccess.mockReset()
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href })
    })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function mountButton() {
    const { plugins } = setupApp()
    return mount(ExportButton, {
      props: { path: '/api/v1/tasks/export', query: { status: 'ISSUED', q: '', sort: '-createdAt', unitId: undefined }, fileName: '任务列表', testId: 'task-export' },
      global: { plugins },
    })
  }

  it('downloads the chosen format of the filtered list under the server’s name', async () => {
    fetchMock = vi.fn(async () =>
      new Response('a,b\n1,2\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6-20261202.csv` },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountButton()
    expect(wrapper.text()).toContain('导出')

    wrapper.findComponent(ElDropdown).vm.$emit('command', 'csv')
    await flush()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('http://api.test/api/v1/tasks/export?status=ISSUED&sort=-createdAt&format=csv')
    expect(new Headers(init.headers).get('Accept-Language')).toBe('zh-CN')
    expect(saved).toEqual([{ name: '任务台账-20261202.csv', href: 'blob:export' }])
    expect(messageSuccess).toHaveBeenCalledWith('已导出 任务台账-20261202.csv')
  })

  it('falls back to the list’s name, and shows a refusal as a message', async () => {
    fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('PK', { status: 200 }))
      .mockResolvedValueOnce(jsonResponse({ status: 403, code: 'forbidden', title: 'Forbidden' }, 403))
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountButton()

    wrapper.findComponent(ElDropdown).vm.$emit('command', 'xlsx')
    await flush()
    expect(saved.map((file) => file.name)).toEqual(['任务列表.xlsx'])
    expect((fetchMock.mock.calls[0] as [string])[0]).toContain('format=xlsx')

    wrapper.findComponent(ElDropdown).vm.$emit('command', 'xlsx')
    await flush()
    expect(saved).toHaveLength(1)
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '您没有权限执行此操作' }))
  })

  it('ignores anything but a format', async () => {
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountButton()
    wrapper.findComponent(ElDropdown).vm.$emit('command', 'pdf')
    await flush()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
