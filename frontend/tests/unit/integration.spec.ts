import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import type { components } from '@/api/schema'
import { setLocale } from '@/i18n'
import {
  ADAPTERS,
  ADAPTER_SETTINGS,
  ATTEMPT_OUTCOMES,
  DELIVERY_STATUSES,
  SUBSCRIPTION_STATUSES,
  adapterLabel,
  deliveryStatusLabel,
  deliveryStatusTag,
  eventGroupLabel,
  eventTypeLabel,
  groupEventTypes,
  hostOf,
  isSubscriptionWithSecret,
  outcomeLabel,
  prettyPayload,
  settingLabel,
  settingsFor,
  subscriptionStatusLabel,
} from '@/views/integration/integrationModel'
import { deliveryQuery } from '@/views/integration/useDeliveries'
import { useSecretReveal } from '@/views/integration/useSecretReveal'
import SecretDialog from '@/views/integration/SecretDialog.vue'
// What GET /api/v1/webhooks/event-types answered (e2e backend, this contract).
import eventTypeList from './fixtures/webhook-event-types.json'
import { setupApp } from './helpers'

const EVENT_TYPES: components['schemas']['WebhookEventType'][] = eventTypeList.items

describe('integration labels', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`names every adapter, status, outcome, setting, event type and group the API knows (${locale})`, () => {
      setupApp()
      setLocale(locale)
      const raw = (label: string, code: string) => expect(label, code).not.toBe(code)
      for (const code of ADAPTERS) raw(adapterLabel(code), code)
      for (const code of SUBSCRIPTION_STATUSES) raw(subscriptionStatusLabel(code), code)
      for (const code of DELIVERY_STATUSES) raw(deliveryStatusLabel(code), code)
      for (const code of ATTEMPT_OUTCOMES) raw(outcomeLabel(code), code)
      for (const adapter of ADAPTERS) for (const setting of ADAPTER_SETTINGS[adapter]) raw(settingLabel(setting.key), setting.key)
      expect(EVENT_TYPES.length).toBeGreaterThan(50)
      for (const type of EVENT_TYPES) {
        raw(eventTypeLabel(type.type), type.type ?? '')
        raw(eventGroupLabel(type.ledger), type.ledger ?? '')
      }
      setLocale('zh-CN')
    })
  }

  it('lists exactly the enums of the contract', () => {
    const adapters: NonNullable<components['schemas']['WebhookSubscriptionCreate']['adapter']>[] = [...ADAPTERS]
    const statuses: components['schemas']['WebhookDeliveryStatus'][] = [...DELIVERY_STATUSES]
    expect(adapters).toEqual(['GENERIC', 'WEAVER', 'SEEYON', 'LANDRAY'])
    expect(statuses).toHaveLength(5)
  })

  it('says what the admin reads', () => {
    setupApp()
    expect(deliveryStatusLabel('DELIVERED')).toBe('已送达')
    expect(deliveryStatusTag('DEAD')).toBe('danger')
    expect(eventTypeLabel('task.issued')).toBe('下发任务')
    expect(eventTypeLabel('todo.')).toBe('待办：全部')
    expect(eventTypeLabel('inspection.visited')).toBe('inspection.visited')
    const groups = groupEventTypes(EVENT_TYPES)
    expect(groups.find((group) => group.ledger === 'task')?.label).toBe('督办任务')
    expect(groups.flatMap((group) => group.options).length).toBe(EVENT_TYPES.length)
  })
})

describe('subscription form helpers', () => {
  it('sends only the chosen adapter settings, trimmed, blanks left out', () => {
    expect(settingsFor('GENERIC', { syscode: 'x' })).toEqual({})
    expect(settingsFor('SEEYON', { userName: ' rest ', password: 'p', syscode: 'weaver-only', restPath: '' })).toEqual({ userName: 'rest', password: 'p' })
    expect(ADAPTER_SETTINGS.SEEYON.filter((setting) => setting.required).map((setting) => setting.key)).toEqual(['userName', 'password'])
    expect(ADAPTER_SETTINGS.LANDRAY.find((setting) => setting.key === 'password')?.secret).toBe(true)
  })

  it('accepts a create answer only with its secret', () => {
    expect(isSubscriptionWithSecret({ subscription: { id: 's' }, secret: 'whsec_abc' })).toBe(true)
    expect(isSubscriptionWithSecret({ subscription: { id: 's' } })).toBe(false)
    expect(isSubscriptionWithSecret(null)).toBe(false)
  })

  it('pretty-prints a payload and reads a host', () => {
    expect(prettyPayload({ type: 'task.issued', data: { id: 1 } })).toBe('{\n  "type": "task.issued",\n  "data": {\n    "id": 1\n  }\n}')
    expect(prettyPayload(undefined)).toBe('')
    expect(hostOf('http://127.0.0.1:4000/hook')).toBe('127.0.0.1')
    expect(hostOf('not a url')).toBeUndefined()
  })

  it('builds the delivery log query from set filters only', () => {
    expect(deliveryQuery({ subscriptionId: '', status: 'DEAD', eventType: '', from: '2026-12-01T00:00:00+08:00', to: '' })).toEqual({
      status: 'DEAD',
      from: '2026-12-01T00:00:00+08:00',
    })
    expect(deliveryQuery({ status: 'NOPE' })).toEqual({})
  })
})

describe('the secret is shown once', () => {
  it('holds the secret until dismissed, then has nothing to show', () => {
    const reveal = useSecretReveal()
    expect(reveal.visible.value).toBe(false)
    reveal.reveal('whsec_c2VjcmV0', '测试订阅')
    expect(reveal.visible.value).toBe(true)
    expect(reveal.secret.value).toBe('whsec_c2VjcmV0')
    reveal.dismiss()
    expect(reveal.visible.value).toBe(false)
    expect(reveal.secret.value).toBeNull()
  })

  it('shows the secret with a copy button and a warning, and asks to be forgotten on close', async () => {
    const { plugins } = setupApp()
    const wrapper = mount(SecretDialog, { props: { secret: 'whsec_c2VjcmV0', name: '测试订阅' }, global: { plugins }, attachTo: document.body })
    await nextTick()
    const dialog = document.querySelector('[data-testid="secret-dialog"]')
    expect(dialog?.textContent).toContain('关闭本窗口后将不再显示')
    const input = document.querySelector('input[data-testid="secret-value"], [data-testid="secret-value"] input') as HTMLInputElement | null
    expect(input?.readOnly).toBe(true)
    expect(input?.value).toBe('whsec_c2VjcmV0')
    expect(document.querySelector('[data-testid="secret-copy"]')).not.toBeNull()
    ;(document.querySelector('[data-testid="secret-done"]') as HTMLButtonElement | null)?.click()
    await nextTick()
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
    await wrapper.setProps({ secret: null })
    await nextTick()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.body.innerHTML).not.toContain('whsec_c2VjcmV0')
    wrapper.unmount()
  })
})
