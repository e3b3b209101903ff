import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { usePagedTable } from '@/composables/usePagedTable'
import { confirmed } from './confirm'
import { isSubscriptionWithSecret, type Subscription, type SubscriptionCreate, type SubscriptionWithSecret } from './integrationModel'

/** Creates a subscription; the answer (201) carries the one-time secret. */
export async function createSubscription(body: SubscriptionCreate): Promise<SubscriptionWithSecret & { secret: string }> {
  const answer: unknown = await call(api().POST('/api/v1/webhooks/subscriptions', { body }))
  if (!isSubscriptionWithSecret(answer)) throw new Error('subscription created without its secret')
  return answer
}

/** The 订阅 tab: the list and the row actions. */
export function useSubscriptions(onSecret: (secret: string, name: string) => void) {
  const { t } = useI18n()
  const table = usePagedTable<Subscription, Record<string, string>>({
    filters: {},
    syncUrl: false,
    limit: 50,
    fetch: ({ limit, cursor }) =>
      call(api().GET('/api/v1/webhooks/subscriptions', { params: { query: { limit, ...(cursor === undefined ? {} : { cursor }) } } })),
  })
  async function setStatus(row: Subscription, status: 'ACTIVE' | 'DISABLED'): Promise<void> {
    if (row.id === undefined) return
    if (status === 'DISABLED' && !(await confirmed(t('integration.disableConfirm', { name: row.name ?? '' }), t('integration.disable'), t('integration.disable')))) return
    try {
      await call(
        api().PATCH('/api/v1/webhooks/subscriptions/{id}', {
          params: { path: { id: row.id }, header: { 'If-Match': ifMatch(row.version) } },
          body: { status },
        }),
      )
      ElMessage.success(status === 'ACTIVE' ? t('integration.enabled') : t('integration.disabled'))
      await table.reload()
    } catch (error) {
      handleApiError(error, { reload: () => table.reload() })
    }
  }

  async function rotate(row: Subscription): Promise<void> {
    if (row.id === undefined) return
    if (!(await confirmed(t('integration.rotateConfirm', { name: row.name ?? '' }), t('integration.rotate'), t('integration.rotate')))) return
    try {
      const answer = await call(api().POST('/api/v1/webhooks/subscriptions/{id}/rotate-secret', { params: { path: { id: row.id } } }))
      if (answer.secret !== undefined) onSecret(answer.secret, answer.subscription?.name ?? row.name ?? '')
      await table.reload()
    } catch (error) {
      handleApiError(error)
    }
  }

  async function sendTest(row: Subscription): Promise<void> {
    if (row.id === undefined) return
    try {
      await call(api().POST('/api/v1/webhooks/subscriptions/{id}/test', { params: { path: { id: row.id } } }))
      ElMessage.success(t('integration.testSent'))
    } catch (error) {
      handleApiError(error)
    }
  }

  function created(answer: SubscriptionWithSecret & { secret: string }): void {
    ElMessage.success(t('integration.created'))
    onSecret(answer.secret, answer.subscription?.name ?? '')
    void table.reload()
  }

  return { table, setStatus, rotate, sendTest, created }
}
