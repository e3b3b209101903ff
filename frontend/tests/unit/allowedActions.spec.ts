import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import ActionButton from '@/components/ActionButton.vue'
import {
  actionEnabled,
  actionState,
  recordActions,
  useAllowedActions,
  type AllowedAction,
  type RectActionCode,
  type WithAllowedActions,
} from '@/composables/useAllowedActions'
import { setLocale } from '@/i18n'
import { useUserStore } from '@/stores/user'
import { flush, setupApp, testRouter, userWith } from './helpers'

/** What GET /rectifications/{id} says to a unit officer about an item with two open measures. */
const ALLOWED: AllowedAction[] = [
  { action: 'addMeasure', enabled: true },
  { action: 'apply', enabled: false, blocked: 'RULE', reasonCode: 'rectification.measures-open', reason: '还有 2 项整改措施未完成（或未说明理由免于执行）' },
  { action: 'start', enabled: false, blocked: 'STATE', reasonCode: 'rectification.illegal-transition', reason: '整改事项当前状态（整改中）不能开始整改' },
  { action: 'attach', enabled: true },
]

describe('actionState', () => {
  it('shows an enabled action enabled', () => {
    expect(actionState(ALLOWED, 'addMeasure')).toEqual({ shown: true, disabled: false, reason: '' })
    expect(actionEnabled(ALLOWED, 'addMeasure')).toBe(true)
  })

  it('shows an action a rule blocks disabled, with the server’s reason and never its code', () => {
    const state = actionState(ALLOWED, 'apply')
    expect(state).toEqual({ shown: true, disabled: true, reason: '还有 2 项整改措施未完成（或未说明理由免于执行）' })
    expect(JSON.stringify(state)).not.toContain('rectification.measures-open')
    expect(actionEnabled(ALLOWED, 'apply')).toBe(false)
  })

  it('hides an action the record’s state blocks, and one the role is not given', () => {
    expect(actionState(ALLOWED, 'start')).toEqual({ shown: false, disabled: true, reason: '' })
    expect(actionState(ALLOWED, 'verify').shown).toBe(false)
    expect(actionEnabled(ALLOWED, 'start')).toBe(false)
    expect(actionEnabled(ALLOWED, 'verify')).toBe(false)
  })

  it('offers nothing without a list or a record', () => {
    expect(actionState(undefined, 'apply').shown).toBe(false)
    expect(actionState(null, 'apply').shown).toBe(false)
    expect(actionState([], 'apply').shown).toBe(false)
    expect(recordActions<RectActionCode>(null).enabled('addMeasure')).toBe(false)
  })

  it('reads a record’s list, and follows the record as it is reloaded', async () => {
    const item = recordActions<RectActionCode>({ allowedActions: ALLOWED })
    expect(item.enabled('attach')).toBe(true)
    expect(item.state('apply').disabled).toBe(true)

    const record = ref<WithAllowedActions | null>(null)
    const actions = useAllowedActions<RectActionCode>(record)
    expect(actions.value.state('apply').shown).toBe(false)
    record.value = { allowedActions: [{ action: 'apply', enabled: true }] }
    expect(actions.value.enabled('apply')).toBe(true)
  })
})

describe('ActionButton', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function mountButton(state: ReturnType<typeof actionState>, attrs: Record<string, unknown> = {}) {
    const { plugins } = setupApp()
    const clicks: number[] = []
    const wrapper = mount(ActionButton, {
      props: { state },
      attrs: { type: 'primary', 'data-testid': 'rect-apply', onClick: () => clicks.push(1), ...attrs },
      slots: { default: () => '申请销号' },
      global: { plugins },
      attachTo: document.body,
    })
    return { wrapper, clicks }
  }

  it('renders an enabled button that takes the click and the other attributes', async () => {
    const { wrapper, clicks } = mountButton(actionState(ALLOWED, 'addMeasure'))
    const button = wrapper.find('[data-testid="rect-apply"]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.text()).toBe('申请销号')
    expect(button.classes()).toContain('el-button--primary')
    expect(button.attributes('disabled')).toBeUndefined()
    expect(wrapper.find('.action-button').exists()).toBe(false)
    await button.trigger('click')
    expect(clicks).toHaveLength(1)
  })

  it('is disabled while the page is busy, without a reason', () => {
    const { wrapper } = mountButton(actionState(ALLOWED, 'addMeasure'), { disabled: true })
    expect(wrapper.find('[data-testid="rect-apply"]').attributes('disabled')).toBeDefined()
    expect(wrapper.findComponent({ name: 'ElTooltip' }).exists()).toBe(false)
  })

  it('renders a blocked action disabled, with the server’s reason in a tooltip over a span', async () => {
    const { wrapper, clicks } = mountButton(actionState(ALLOWED, 'apply'), { loading: true })
    const button = wrapper.find('[data-testid="rect-apply"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.classes()).not.toContain('is-loading')
    await button.trigger('click')
    expect(clicks).toHaveLength(0)

    const tooltip = wrapper.findComponent({ name: 'ElTooltip' })
    expect(tooltip.props('content')).toBe('还有 2 项整改措施未完成（或未说明理由免于执行）')
    // The span around the button takes the hover (and keyboard focus) the disabled button would swallow.
    const span = wrapper.find('.action-button')
    expect(span.find('[data-testid="rect-apply"]').exists()).toBe(true)
    expect(span.attributes('tabindex')).toBe('0')
    await span.trigger('mouseenter')
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flush()
    expect(document.body.querySelector('.el-popper')?.textContent).toContain('还有 2 项整改措施未完成')
    expect(document.body.textContent).not.toContain('rectification.measures-open')
  })

  it('says so in the user’s language when the server gave no reason', async () => {
    const { wrapper } = mountButton({ shown: true, disabled: true, reason: '' })
    expect(wrapper.findComponent({ name: 'ElTooltip' }).props('content')).toBe('当前不能执行此操作')
    setLocale('en')
    await flush()
    expect(wrapper.findComponent({ name: 'ElTooltip' }).props('content')).toBe('This action is not available now')
  })

  it('renders nothing for an action not offered', () => {
    const { wrapper } = mountButton(actionState(ALLOWED, 'start'))
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })
})

describe('permissions from GET /me', () => {
  it('answers from the list the server sent, not from the role', () => {
    setupApp(userWith(['supervisor'], ['createTask', 'createRectification']))
    const user = useUserStore()
    expect(user.hasPermission('createTask')).toBe(true)
    expect(user.hasPermission('createUnit')).toBe(false)
    user.set(userWith(['supervisor'], []))
    expect(user.hasPermission('createTask')).toBe(false)
    user.set(null)
    expect(user.permissions).toEqual([])
  })

  it('decide the follow-up buttons of a risk review', async () => {
    const { plugins } = setupApp(userWith(['supervisor'], ['createRectification']))
    const { default: RiskReviewsTab } = await import('@/views/risks/RiskReviewsTab.vue')
    const Host = defineComponent({
      setup: () => () =>
        h(RiskReviewsTab, {
          reviews: [{ id: 'rv1', reviewedOn: '2026-10-22', conclusion: '加强培训。' }],
          canUpload: false,
          risk: { id: 'k1', code: 'FX-1', name: '采购风险', status: 'CONTROLLING' },
        }),
    })
    const router = await testRouter()
    const wrapper = mount(Host, { global: { plugins: [...plugins, router], stubs: { AttachmentPanel: true, RectFormDialog: true, TaskFormDialog: true } } })
    expect(wrapper.find('[data-testid="risk-review-open-rect"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="risk-review-open-task"]').exists()).toBe(false)
    useUserStore().set(userWith(['supervisor'], ['createTask']))
    await flush()
    expect(wrapper.find('[data-testid="risk-review-open-rect"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="risk-review-open-task"]').exists()).toBe(true)
  })
})
