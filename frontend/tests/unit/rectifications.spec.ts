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
  rectLabel,
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
  const item = {
    id: 'r1',
    code: 'ZG-1',
    title: '问题',
    status: 'IN_PROGRESS',
    version: 7,
    cycle: 1,
    allowedActions: [
      { action: 'addMeasure', enabled: true },
      { action: 'apply', enabled: false, blocked: 'RULE', reasonCode: 'rectification.measures-open', reason: '还有 1 项整改措施未完成（或未说明理由免于执行）' },
      { action: 'start', enabled: false, blocked: 'STATE', reasonCode: 'rectification.illegal-transition', reason: '整改事项当前状态（整改中）不能开始整改' },
    ],
  }

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
    // The buttons are the server's: apply shown disabled with its reason, start hidden, verify not offered.
    expect(page.actions.value.state('apply')).toEqual({ shown: true, disabled: true, reason: '还有 1 项整改措施未完成（或未说明理由免于执行）' })
    expect(page.actions.value.enabled('addMeasure')).toBe(true)
    expect(page.actions.value.state('start').shown).toBe(false)
    expect(page.actions.value.state('verify').shown).toBe(false)
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
