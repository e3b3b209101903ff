import type { components } from '@/api/schema'
import type { TagType } from '@/components/status'
import { i18n, labelOf } from '@/i18n'

export type Subscription = components['schemas']['WebhookSubscription']
export type SubscriptionCreate = components['schemas']['WebhookSubscriptionCreate']
export type SubscriptionWithSecret = components['schemas']['WebhookSubscriptionWithSecret']
export type Delivery = components['schemas']['WebhookDelivery']
export type DeliveryDetail = components['schemas']['WebhookDeliveryDetail']
export type Attempt = components['schemas']['WebhookAttempt']
export type AllowedHost = components['schemas']['WebhookAllowedHost']
export type EventType = components['schemas']['WebhookEventType']
export type Adapter = NonNullable<Subscription['adapter']>
export type SubscriptionStatus = NonNullable<Subscription['status']>
export type DeliveryStatus = components['schemas']['WebhookDeliveryStatus']
export type AttemptOutcome = NonNullable<Attempt['outcome']>

/** The contract's adapters, in the order the form offers them. */
export const ADAPTERS = ['GENERIC', 'WEAVER', 'SEEYON', 'LANDRAY'] as const satisfies readonly Adapter[]
export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'DISABLED'] as const satisfies readonly SubscriptionStatus[]
export const DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'DELIVERED', 'SKIPPED', 'DEAD'] as const satisfies readonly DeliveryStatus[]
export const ATTEMPT_OUTCOMES = ['DELIVERED', 'SKIPPED', 'RETRY', 'GONE', 'REJECTED'] as const satisfies readonly AttemptOutcome[]

/** What the server masks secret-like settings with; sending it back keeps the stored value. */
export const MASK = '••••'

export interface AdapterSetting {
  key: string
  /** A credential: typed as a password, never echoed. */
  secret?: boolean
  /** The adapter refuses to deliver without it. */
  required?: boolean
}

/**
 * Each adapter's settings, as backend/src/main/java/cn/qingfeng/webhook/adapter/*Adapter.java read
 * them (Target.setting); GENERIC has none (it signs with the subscription's secret).
 */
export const ADAPTER_SETTINGS: Readonly<Record<Adapter, readonly AdapterSetting[]>> = {
  GENERIC: [],
  WEAVER: [{ key: 'syscode' }, { key: 'workflowname' }, { key: 'workflownamePrefix' }, { key: 'systemCreator' }],
  SEEYON: [
    { key: 'registerCode' },
    { key: 'userName', required: true },
    { key: 'password', secret: true, required: true },
    { key: 'tokenTtlSeconds' },
    { key: 'restPath' },
    { key: 'classify' },
    { key: 'contentType' },
    { key: 'systemSender' },
  ],
  LANDRAY: [
    { key: 'appName' },
    { key: 'modelName' },
    { key: 'type' },
    { key: 'level' },
    { key: 'servicePath' },
    { key: 'userName' },
    { key: 'password', secret: true },
    { key: 'systemCreator' },
  ],
}

const SUBSCRIPTION_TAGS: Readonly<Record<SubscriptionStatus, TagType>> = { ACTIVE: 'success', DISABLED: 'info' }
const DELIVERY_TAGS: Readonly<Record<DeliveryStatus, TagType>> = {
  PENDING: 'warning',
  RETRYING: 'warning',
  DELIVERED: 'success',
  SKIPPED: 'info',
  DEAD: 'danger',
}
const OUTCOME_TAGS: Readonly<Record<AttemptOutcome, TagType>> = {
  DELIVERED: 'success',
  SKIPPED: 'info',
  RETRY: 'warning',
  GONE: 'danger',
  REJECTED: 'danger',
}

function tagOf<K extends string>(tags: Readonly<Record<K, TagType>>, code: string | undefined): TagType {
  return code !== undefined && code in tags ? tags[code as K] : 'info'
}

export const adapterLabel = (code: string | undefined): string => labelOf('integration.adapter', code)
export const subscriptionStatusLabel = (code: string | undefined): string => labelOf('integration.subscriptionStatus', code)
export const subscriptionStatusTag = (code: string | undefined): TagType => tagOf(SUBSCRIPTION_TAGS, code)
export const deliveryStatusLabel = (code: string | undefined): string => labelOf('integration.deliveryStatus', code)
export const deliveryStatusTag = (code: string | undefined): TagType => tagOf(DELIVERY_TAGS, code)
export const outcomeLabel = (code: string | undefined): string => labelOf('integration.outcome', code)
export const outcomeTag = (code: string | undefined): TagType => tagOf(OUTCOME_TAGS, code)
export const settingLabel = (key: string): string => labelOf('integration.setting', key)
export const eventGroupLabel = (ledger: string | undefined): string => labelOf('integration.eventGroup', ledger)

/**
 * An event type in words: the journal action's label (the same names the audit log uses); an
 * entry ending in '.' is a prefix, "all of that group".
 */
export function eventTypeLabel(type: string | undefined): string {
  if (type === undefined || type === '') return ''
  if (type.endsWith('.')) return i18n.global.t('integration.allOfGroup', { group: eventGroupLabel(type.slice(0, -1)) })
  const [group, ...rest] = type.split('.')
  const action = rest.join('.')
  if (group === undefined || action === '') return type
  const label = labelOf(`action.${group}`, action)
  return label === action ? type : label
}

export interface EventTypeGroup {
  ledger: string
  label: string
  options: { value: string; label: string }[]
}

/** The event types the API lists, grouped by ledger for the picker (the API's order within a group). */
export function groupEventTypes(types: readonly EventType[]): EventTypeGroup[] {
  const groups = new Map<string, EventTypeGroup>()
  for (const type of types) {
    if (type.type === undefined) continue
    const ledger = type.ledger ?? ''
    let group = groups.get(ledger)
    if (group === undefined) {
      group = { ledger, label: eventGroupLabel(ledger), options: [] }
      groups.set(ledger, group)
    }
    group.options.push({ value: type.type, label: eventTypeLabel(type.type) })
  }
  return [...groups.values()]
}

/** The settings to send: only the chosen adapter's keys, blank ones left out. */
export function settingsFor(adapter: Adapter, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const setting of ADAPTER_SETTINGS[adapter]) {
    const value = values[setting.key]?.trim()
    if (value !== undefined && value !== '') out[setting.key] = value
  }
  return out
}

/**
 * POST /webhooks/subscriptions answers 201 with {subscription, secret}; the contract documents the
 * 201 without a body schema, so the answer is checked here rather than trusted by type.
 */
export function isSubscriptionWithSecret(value: unknown): value is SubscriptionWithSecret & { secret: string } {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.secret === 'string' && typeof candidate.subscription === 'object' && candidate.subscription !== null
}

/** A delivered payload for the admin: indented JSON (keys as the server sent them). */
export function prettyPayload(payload: unknown): string {
  if (payload === undefined || payload === null) return ''
  return JSON.stringify(payload, null, 2)
}

/** The host of a receiver URL (what 允许的内网地址 lists), or undefined when it is no URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '')
  } catch {
    return undefined
  }
}
