import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { initApi } from '@/api/client'
import { originRoute } from '@/components/origin'
import { conclusionTitle, rectPrefillFromReview, reviewOrigin, taskPrefillFromReview } from '@/views/risks/reviewFollowUp'
import type { Risk, RiskReview } from '@/views/risks/riskModel'
import { summaryQuery } from '@/views/risks/useRiskObligations'
import { flush, jsonResponse, setupApp, testRouter, userWithRoles } from './helpers'

vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: vi.fn(), success: vi.fn(), warning: vi.fn() },
}))

const { default: RectFormDialog } = await import('@/views/rectifications/RectFormDialog.vue')
const { default: OriginLink } = await import('@/components/OriginLink.vue')

const RISK: Risk = {
  id: 'k3',
  code: 'FX-2026-0003',
  name: '违规使用图文小程序处理涉密文件',
  category: 'SECRECY',
  unit: { id: 'u-bgs', code: 'SJ-BGS', name: '办公室' },
  responsibleLeader: '张华',
  responsiblePerson: '孙磊',
  status: 'CONTROLLING',
  nextReviewOn: '2026-12-22',
}
const REVIEW: RiskReview = {
  id: 'rv1',
  reviewedOn: '2026-10-22',
  conclusion: '排查发现两台终端仍装有图文识别小程序，风险上升，提级为重大并立即报告。另需全员培训。',
}
const label = (values: { code: string; name: string; date: string }) => `${values.code} ${values.name}（研判 ${values.date}）`

describe('follow-ups of a review', () => {
  it('take the conclusion’s first sentence as title', () => {
    expect(conclusionTitle(REVIEW.conclusion)).toBe('排查发现两台终端仍装有图文识别小程序，风险上升，提级为重大并立即报告')
    expect(conclusionTitle('  加强培训\n其余照旧')).toBe('加强培训')
    expect(conclusionTitle('长'.repeat(80))).toBe(`${'长'.repeat(59)}…`)
    expect(conclusionTitle(undefined)).toBe('')
  })

  it('name the review as origin and prefill from the risk', () => {
    const origin = reviewOrigin('RISK_REVIEW', RISK, REVIEW, label)
    expect(origin).toEqual({ type: 'RISK_REVIEW', id: 'rv1', label: 'FX-2026-0003 违规使用图文小程序处理涉密文件（研判 2026-10-22）' })
    expect(reviewOrigin('RISK_REVIEW', RISK, { reviewedOn: '2026-10-22' }, label)).toBeNull()
    expect(rectPrefillFromReview(RISK, REVIEW, '2026-12-01')).toEqual({
      title: '排查发现两台终端仍装有图文识别小程序，风险上升，提级为重大并立即报告',
      description: REVIEW.conclusion,
      source: 'SELF_CHECK',
      category: 'SECRECY',
      unitId: 'u-bgs',
      responsibleLeader: '张华',
      responsiblePerson: '孙磊',
      deadline: '2026-12-22',
    })
    // A next review already past is no deadline; 网络舆情 is ideology work in the rectification ledger.
    const overdue = rectPrefillFromReview({ ...RISK, nextReviewOn: '2026-11-22', category: 'PUBLIC_OPINION' }, REVIEW, '2026-12-01')
    expect(overdue.deadline).toBeUndefined()
    expect(overdue.category).toBe('IDEOLOGY')
    expect(taskPrefillFromReview(REVIEW, origin)).toMatchObject({ basis: origin?.label, description: REVIEW.conclusion })
  })

  it('link back to where they came from', () => {
    expect(originRoute({ type: 'RISK_REVIEW', id: 'rv1', entityType: 'risk', entityId: 'k3', label: 'x' })).toEqual({ path: '/risks/k3', query: { tab: 'reviews' } })
    expect(originRoute({ type: 'TASK_ASSIGNMENT', id: 'a1', entityType: 'task', entityId: 't1' })).toEqual({ path: '/tasks/t1', query: { assignment: 'a1' } })
    expect(originRoute({ type: 'X', entityType: 'elsewhere', entityId: 'e1' })).toBeUndefined()
    expect(originRoute(null)).toBeUndefined()
  })

  it('show 来源 with the link on the record’s page, and nothing without an origin', async () => {
    const { plugins } = setupApp()
    const router = await testRouter('/list', [{ path: '/risks/:id', component: defineComponent({ render: () => h('div') }) }])
    const origin = { type: 'RISK_REVIEW', id: 'rv1', entityType: 'risk', entityId: 'k3', label: 'FX-2026-0003 名称（研判 2026-10-22）' }
    const wrapper = mount(OriginLink, { props: { origin, testId: 'rect-origin' }, global: { plugins: [...plugins, router] } })
    expect(wrapper.text()).toBe('来源记录：FX-2026-0003 名称（研判 2026-10-22）')
    expect(wrapper.find('[data-testid="rect-origin-link"]').attributes('href')).toBe('/risks/k3?tab=reviews')
    await wrapper.setProps({ origin: null })
    expect(wrapper.find('[data-testid="rect-origin"]').exists()).toBe(false)
  })
})

describe('RectFormDialog opened from a review', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    fetchMock = vi.fn((request: Request) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/units/tree')) return Promise.resolve(jsonResponse([{ id: 'u-bgs', code: 'SJ-BGS', name: '办公室', active: true, children: [] }]))
      return Promise.resolve(jsonResponse({ item: { id: 'z1', code: 'ZG-2026-0009' } }, 201))
    })
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the origin, starts from the prefill and saves the origin with the item', async () => {
    const { plugins } = setupApp(userWithRoles('supervisor'))
    const origin = reviewOrigin('RISK_REVIEW', RISK, REVIEW, label)
    const prefill = rectPrefillFromReview(RISK, REVIEW, '2026-12-01')
    const wrapper = mount(RectFormDialog, { props: { modelValue: false, origin, prefill }, global: { plugins }, attachTo: document.body })
    await wrapper.setProps({ modelValue: true })
    await flush()
    expect(document.querySelector('[data-testid="rect-form-origin"]')?.textContent).toBe(origin?.label)
    expect((document.querySelector('input[data-testid="rect-form-title"]') as HTMLInputElement).value).toBe(prefill.title)

    ;(document.querySelector('[data-testid="rect-form-submit"]') as HTMLButtonElement).click()
    await flush()
    const post = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.method === 'POST')
    expect(await post?.json()).toMatchObject({
      title: prefill.title,
      source: 'SELF_CHECK',
      category: 'SECRECY',
      unitId: 'u-bgs',
      deadline: '2026-12-22',
      originType: 'RISK_REVIEW',
      originId: 'rv1',
    })
    expect(wrapper.emitted('created')?.[0]?.[0]).toMatchObject({ id: 'z1' })
  })
})

describe('obligation summary', () => {
  it('counts over the period and, like the list, the chosen unit and kind', () => {
    expect(summaryQuery({ unitId: '', kind: '', from: '', to: '' }, '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(summaryQuery({ unitId: 'u1', kind: 'REPORT', from: '2026-04-01', to: '2026-06-30' })).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      unitId: 'u1',
      kind: 'REPORT',
    })
  })
})
