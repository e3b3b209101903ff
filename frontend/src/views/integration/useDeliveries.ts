import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import type { operations } from '@/api/schema'
import { usePagedTable } from '@/composables/usePagedTable'
import { formatDateTime } from '@/utils/format'
import { dateRangeModel } from '@/views/tasks/useTaskList'
import { confirmed } from './confirm'
import { DELIVERY_STATUSES, deliveryStatusLabel, type Delivery, type DeliveryDetail, type DeliveryStatus, type Subscription } from './integrationModel'

type ListDeliveriesQuery = NonNullable<operations['listWebhookDeliveries']['parameters']['query']>

export interface DeliveryFilters {
  [key: string]: string
  subscriptionId: string
  status: string
  eventType: string
  /** ISO-8601 instants with offset (the API's OffsetDateTime). */
  from: string
  to: string
}

function isDeliveryStatus(value: string | undefined): value is DeliveryStatus {
  return value !== undefined && (DELIVERY_STATUSES as readonly string[]).includes(value)
}

/** The API query of the log's filters (blank ones and an unknown status left out). */
export function deliveryQuery(filters: Partial<DeliveryFilters>): ListDeliveriesQuery {
  const query: ListDeliveriesQuery = {}
  if (filters.subscriptionId) query.subscriptionId = filters.subscriptionId
  if (isDeliveryStatus(filters.status)) query.status = filters.status
  if (filters.eventType) query.eventType = filters.eventType
  if (filters.from) query.from = filters.from
  if (filters.to) query.to = filters.to
  return query
}

export interface ReplayRangeForm {
  subscriptionId: string
  range: [string, string] | null
  status: DeliveryStatus | ''
}

/** The 投递记录 tab: the log, one delivery's detail, replaying one or a time range. */
export function useDeliveries() {
  const { t } = useI18n()
  const table = usePagedTable<Delivery, DeliveryFilters>({
    filters: { subscriptionId: '', status: '', eventType: '', from: '', to: '' },
    syncUrl: false,
    limit: 20,
    fetch: ({ filters, limit, cursor }) =>
      call(api().GET('/api/v1/webhooks/deliveries', { params: { query: { ...deliveryQuery(filters), limit, ...(cursor === undefined ? {} : { cursor }) } } })),
  })
  const range = dateRangeModel(table.filters, 'from', 'to')
  const subscriptions = shallowRef<Subscription[]>([])
  const subscriptionOptions = computed(() => subscriptions.value.filter((s) => s.id !== undefined).map((s) => ({ value: s.id ?? '', label: s.name ?? '' })))

  const detail = shallowRef<DeliveryDetail | null>(null)
  const detailOpen = ref(false)
  const detailLoading = ref(false)
  const replaying = ref(false)

  async function loadSubscriptions(): Promise<void> {
    try {
      subscriptions.value = (await call(api().GET('/api/v1/webhooks/subscriptions', { params: { query: { limit: 100 } } }))).items ?? []
    } catch (error) {
      handleApiError(error)
    }
  }

  async function open(row: Delivery): Promise<void> {
    if (row.id === undefined) return
    detailOpen.value = true
    detailLoading.value = true
    detail.value = { delivery: row, attempts: [] }
    try {
      detail.value = await call(api().GET('/api/v1/webhooks/deliveries/{id}', { params: { path: { id: row.id } } }))
    } catch (error) {
      handleApiError(error)
    } finally {
      detailLoading.value = false
    }
  }

  async function replay(row: Delivery): Promise<void> {
    if (row.id === undefined) return
    if (!(await confirmed(t('integration.replayConfirm'), t('integration.replay'), t('integration.replay')))) return
    replaying.value = true
    try {
      await call(api().POST('/api/v1/webhooks/deliveries/{id}/replay', { params: { path: { id: row.id } } }))
      ElMessage.success(t('integration.replayed'))
      await table.reload()
      if (detailOpen.value && detail.value?.delivery?.id === row.id) await open(row)
    } catch (error) {
      handleApiError(error)
    } finally {
      replaying.value = false
    }
  }

  /** Replays a subscription's deliveries of a time range, after saying what will happen. Resolves true when done. */
  async function replayRange(form: ReplayRangeForm, onFields: (fields: Record<string, string>) => void): Promise<boolean> {
    if (form.range === null || form.subscriptionId === '') return false
    const [from, to] = form.range
    const name = subscriptions.value.find((s) => s.id === form.subscriptionId)?.name ?? ''
    const status = form.status === '' ? t('integration.replayRangeAnyStatus') : deliveryStatusLabel(form.status)
    const message = t('integration.replayRangeConfirm', { name, from: formatDateTime(from), to: formatDateTime(to), status })
    if (!(await confirmed(message, t('integration.replayRangeTitle'), t('integration.replay')))) return false
    try {
      const result = await call(
        api().POST('/api/v1/webhooks/deliveries/replay', {
          body: { subscriptionId: form.subscriptionId, from, to, ...(form.status === '' ? {} : { status: form.status }) },
        }),
      )
      ElMessage.success(t('integration.replayRangeDone', { count: result.replayed ?? 0 }))
      await table.reload()
      return true
    } catch (error) {
      handleApiError(error, { formFields: ['subscriptionId', 'from', 'to', 'status'], onFields })
      return false
    }
  }

  void loadSubscriptions()

  return { table, range, subscriptions, subscriptionOptions, loadSubscriptions, detail, detailOpen, detailLoading, replaying, open, replay, replayRange }
}
