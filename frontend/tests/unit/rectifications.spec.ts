import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { initApi } from '@/api/client'
import { labelOf, setLocale } from '@/i18n'
import { todoKindLabel, todoKindTag } from '@/views/home/todos'
import {
  MEASURE_STATUSES,
  RECT_CATEGORIES,
  RECT_KINDS,
  RECT_SEVERITIES,
  RECT_SOURCES,
  RECT_STATUSES,
  frozenEvidence,
  measureActions,
  openMeasureCount,
  rectActions,
  rectLabel,
  type RectStatus,
} from '@/views/rectifications/rectModel'
import { flush, jsonResponse, setupApp, testRouter, userWithRoles } from './helpers'

const { messageError, messageSuccess, prompt, confirm } = vi.hoisted(() => ({
  messageError: vi.fn(),
  messageSuccess: vi.fn(),
  prompt: vi.fn(),
  confirm: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: vi.fn() },
  ElMessageBox: { prompt, confirm },
}))

const { useRectDetail } = await import('@/views/rectifications/useRectDetail')

const sorted = (set: Set<string>) => [...set].sort()

describe('rectification labels', () => {
  it('labels every code in Chinese first, then English', () => {
    setupApp()
    expect(RECT_STATUSES.map((code) => rectLabel('status', code))).toEqual(['待整改', '整改中', '申请销号', '已销号'])
    expect(RECT_SOURCES.map((code) => rectLabel('source', code))).toEqual(['自查', '巡察', '审计', '上级督查', '信访举报', '其他'])
    expect(RECT_CATEGORIES.map((code) => rectLabel('category', code))).toEqual(['理论学习', '阵地建设', '保密', '意识形态', '作风', '廉政', '其他'])
    expect(RECT_SEVERITIES.map((code) => rectLabel('severity', code))).toEqual(['一般', '较重', '严重'])
    expect(RECT_KINDS.map((code) => rectLabel('kind', code))).toEqual(['限期整改', '长期坚持'])
    expect(MEASURE_STATUSES.map((code) => rectLabel('measureStatus', code))).toEqual(['未完成', '已完成', '免于执行'])
    expect(todoKindLabel('rectification.progress-due')).toBe('本期未报进展')
    expect(todoKindTag('rectification.overdue')).toBe('danger')
    expect(labelOf('action', 'rectification.measure-waived')).toBe('整改措施免于执行')
    setLocale('en')
    expect(rectLabel('status', 'CLOSED')).toBe('Closed')
    expect(rectLabel('measureStatus', 'WAIVED')).toBe('Waived')
    expect(todoKindLabel('rectification.verify')).toBe('To verify')
    expect(rectLabel('status', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })
})

describe('rectActions', () => {
  const of = (roles: string[], status: RectStatus) => sorted(rectActions(roles, { status }))

  it('lets the unit officer start, work on and apply, but never verify', () => {
    const officer = ['unit_officer']
    expect(of(officer, 'PENDING')).toEqual(['addMeasure', 'start'])
    expect(of(officer, 'IN_PROGRESS')).toEqual(['addMeasure', 'apply', 'progress', 'upload'])
    expect(of(officer, 'APPLIED')).toEqual([])
    expect(of(officer, 'CLOSED')).toEqual([])
  })

  it('lets the supervisor edit, verify, reject and reopen, and apply for a unit', () => {
    const supervisor = ['supervisor']
    expect(of(supervisor, 'PENDING')).toEqual(['edit'])
    expect(of(supervisor, 'IN_PROGRESS')).toEqual(['apply', 'edit'])
    expect(of(supervisor, 'APPLIED')).toEqual(['edit', 'reject', 'verify'])
    expect(of(supervisor, 'CLOSED')).toEqual(['reopen'])
  })

  it('offers nothing to readers or without an item', () => {
    expect(of(['viewer', 'leader'], 'APPLIED')).toEqual([])
    expect(rectActions(['supervisor'], null).size).toBe(0)
  })
})

describe('measureActions', () => {
  it('completes or waives open measures and reopens settled ones while the item is open', () => {
    const officer = ['unit_officer']
    expect(sorted(measureActions(officer, { status: 'IN_PROGRESS' }, { status: 'OPEN' }))).toEqual(['done', 'waive'])
    expect(sorted(measureActions(officer, { status: 'PENDING' }, { status: 'DONE' }))).toEqual(['reopen'])
    expect(sorted(measureActions(officer, { status: 'IN_PROGRESS' }, { status: 'WAIVED' }))).toEqual(['reopen'])
    expect(measureActions(officer, { status: 'APPLIED' }, { status: 'OPEN' }).size).toBe(0)
    expect(measureActions(['supervisor'], { status: 'IN_PROGRESS' }, { status: 'OPEN' }).size).toBe(0)
  })

  it('counts the open measures', () => {
    expect(openMeasureCount([{ status: 'OPEN' }, { status: 'DONE' }, { status: 'WAIVED' }, { status: 'OPEN' }])).toBe(2)
  })
})

describe('frozenEvidence', () => {
  it('reads the frozen list and marks files no longer attached', () => {
    const closure = {
      evidence: [
        { attachmentId: 'a1', ownerType: 'RECTIFICATION', ownerId: 'i1', filename: '整改报告.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1234 },
        { attachmentId: 'a2', ownerType: 'RECTIFICATION_MEASURE', ownerId: 'm1', filename: '照片.jpg', sha256: 'cd'.repeat(32) },
      ],
    }
    const list = frozenEvidence(closure, new Set(['a1']))
    expect(list.map((entry) => [entry.filename, entry.attached, entry.sizeBytes])).toEqual([
      ['整改报告.pdf', true, 1234],
      ['照片.jpg', false, undefined],
    ])
    expect(frozenEvidence(closure, undefined).every((entry) => entry.attached)).toBe(true)
    expect(frozenEvidence({}, undefined)).toEqual([])
  })
})

describe('useRectDetail', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  const item = { id: 'r1', code: 'ZG-1', title: '问题', status: 'IN_PROGRESS', version: 7, cycle: 1 }

  beforeEach(() => {
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/timeline') || url.pathname.endsWith('/progress')) return Promise.resolve(jsonResponse({ items: [] }))
      if (url.pathname.endsWith('/apply')) {
        return Promise.resolve(
          jsonResponse(
            { type: 'about:blank', title: 'Conflict', status: 409, code: 'rectification.measures-open', detail: '还有 1 项整改措施未完成' },
            409,
          ),
        )
      }
      return Promise.resolve(jsonResponse({ item, measures: [{ id: 'm1', status: 'OPEN', version: 3 }], closures: [] }))
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  async function mounted() {
    const { plugins } = setupApp(userWithRoles('unit_officer'))
    const router = await testRouter('/rectifications/r1', [{ path: '/rectifications/:id', component: { render: () => null } }])
    let page: ReturnType<typeof useRectDetail> | undefined
    mount(
      defineComponent({
        setup() {
          page = useRectDetail()
          return () => h('div')
        },
      }),
      { global: { plugins: [...plugins, router] } },
    )
    await flush()
    if (page === undefined) throw new Error('not mounted')
    return page
  }

  it('applies with the item version and shows the server refusal in Chinese', async () => {
    const page = await mounted()
    expect(page.item.value?.code).toBe('ZG-1')
    expect(sorted(page.actions.value)).toEqual(['addMeasure', 'apply', 'progress', 'upload'])
    confirm.mockResolvedValueOnce('confirm')
    await page.apply()
    const call = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.url.endsWith('/apply'))
    expect(call?.method).toBe('POST')
    expect(call?.headers.get('If-Match')).toBe('"7"')
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('还有 1 项整改措施未完成') }))
  })

  it('waives a measure with the reason and the measure version', async () => {
    const page = await mounted()
    prompt.mockResolvedValueOnce({ value: ' 已由上级统一安排 ' })
    const measure = page.measures.value[0]
    if (measure === undefined) throw new Error('no measure')
    await page.measureWaive(measure)
    const request = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.url.endsWith('/measures/m1/waive'))
    expect(request?.headers.get('If-Match')).toBe('"3"')
    expect(await request?.clone().json()).toEqual({ reason: '已由上级统一安排' })
    expect(messageSuccess).toHaveBeenCalled()
  })

  it('does nothing when the reason prompt is cancelled', async () => {
    const page = await mounted()
    prompt.mockRejectedValueOnce('cancel')
    await page.reject()
    expect(fetchMock.mock.calls.some(([r]) => (r as Request).url.endsWith('/reject'))).toBe(false)
  })
})
