import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { ApiError } from '@/api/problem'
import { useAllowedActions, type RectActionCode } from '@/composables/useAllowedActions'
import { usePagedTable } from '@/composables/usePagedTable'
import { askReason, confirmed, routeParam, useRecordActions } from '@/composables/useRecordActions'
import type { JournalEvent } from '@/components/RecordTimeline.vue'
import { todayInAppZone } from '@/utils/format'
import type { RectClosure, RectItem, RectMeasure, RectProgress } from './rectModel'

/** State and actions of the problem page (/rectifications/:id). */
export function useRectDetail() {
  const { t } = useI18n()
  const route = useRoute()

  const itemId = computed(() => routeParam(route.params.id))
  const item = shallowRef<RectItem | null>(null)
  const measures = shallowRef<RectMeasure[]>([])
  const closures = shallowRef<RectClosure[]>([])
  /** Attachment ids still attached, per "ownerType:ownerId" named in a closure's frozen list. */
  const attachedIds = shallowRef<Map<string, Set<string>>>(new Map())
  const loading = ref(false)
  const { busy, run } = useRecordActions(refresh)
  const notFound = ref(false)

  /** What the server lets the caller do with the item now. */
  const actions = useAllowedActions<RectActionCode>(item)

  const timeline = usePagedTable<JournalEvent, Record<string, string>>({
    syncUrl: false,
    immediate: false,
    filters: {},
    limit: 100,
    fetch: ({ limit, cursor }) =>
      call(
        api().GET('/api/v1/rectifications/{id}/timeline', {
          params: { path: { id: itemId.value }, query: { limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })

  const progress = usePagedTable<RectProgress, Record<string, string>>({
    syncUrl: false,
    immediate: false,
    filters: {},
    sort: '-reportedOn',
    limit: 50,
    fetch: ({ limit, cursor }) =>
      call(
        api().GET('/api/v1/rectifications/{id}/progress', {
          params: { path: { id: itemId.value }, query: { limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })

  async function loadAttached(list: readonly RectClosure[]): Promise<void> {
    const owners = new Set<string>()
    for (const closure of list) {
      for (const entry of closure.evidence ?? []) {
        if (typeof entry.ownerType === 'string' && typeof entry.ownerId === 'string') owners.add(`${entry.ownerType}:${entry.ownerId}`)
      }
    }
    const result = new Map<string, Set<string>>()
    await Promise.all(
      [...owners].map(async (owner) => {
        const [ownerType = '', ownerId = ''] = owner.split(':')
        try {
          const page = await call(api().GET('/api/v1/attachments', { params: { query: { ownerType, ownerId, limit: 100 } } }))
          result.set(owner, new Set((page.items ?? []).map((attachment) => attachment.id ?? '')))
        } catch {
          // Unknown: shown as attached rather than wrongly as withdrawn.
        }
      }),
    )
    attachedIds.value = result
  }

  async function load(): Promise<void> {
    const id = itemId.value
    if (id === '') return
    loading.value = true
    try {
      const detail = await call(api().GET('/api/v1/rectifications/{id}', { params: { path: { id } } }))
      if (id !== itemId.value) return
      item.value = detail.item ?? null
      measures.value = detail.measures ?? []
      closures.value = detail.closures ?? []
      notFound.value = false
      void loadAttached(closures.value)
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        item.value = null
        notFound.value = true
      } else {
        handleApiError(error)
      }
    } finally {
      loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([load(), timeline.reload(), progress.reload()])
  }

  function itemHeader() {
    const current = item.value
    if (current?.id === undefined) return undefined
    return { path: { id: current.id }, header: { 'If-Match': ifMatch(current.version) } }
  }

  async function start(): Promise<void> {
    const params = itemHeader()
    if (params === undefined || !(await confirmed(t('rect.startConfirm'), t('rect.start')))) return
    await run(t('rect.started'), () => call(api().POST('/api/v1/rectifications/{id}/start', { params })))
  }

  async function apply(): Promise<void> {
    const params = itemHeader()
    if (params === undefined || !(await confirmed(t('rect.applyConfirm'), t('rect.apply')))) return
    await run(t('rect.applied'), () => call(api().POST('/api/v1/rectifications/{id}/apply', { params })))
  }

  async function verify(opinion: string, verifiedOn: string): Promise<boolean> {
    const params = itemHeader()
    if (params === undefined || !(await confirmed(t('rect.verifyConfirm'), t('rect.verify')))) return false
    return run(t('rect.verified'), () =>
      call(api().POST('/api/v1/rectifications/{id}/verify', { params, body: { opinion: opinion.trim(), verifiedOn } })),
    )
  }

  async function reject(): Promise<void> {
    const params = itemHeader()
    if (params === undefined) return
    const reason = await askReason(t('rect.rejectPrompt'), t('rect.reject'), t('rect.reject'), t('rect.reasonRequired'), true)
    if (reason === undefined) return
    await run(t('rect.rejected'), () => call(api().POST('/api/v1/rectifications/{id}/reject', { params, body: { reason } })))
  }

  async function reopen(): Promise<void> {
    const params = itemHeader()
    if (params === undefined) return
    const reason = await askReason(t('rect.reopenPrompt'), t('rect.reopen'), t('rect.reopen'), t('rect.reasonRequired'), true)
    if (reason === undefined) return
    await run(t('rect.reopened'), () => call(api().POST('/api/v1/rectifications/{id}/reopen', { params, body: { reason } })))
  }

  function measureParams(measure: RectMeasure) {
    return { path: { id: itemId.value, measureId: measure.id ?? '' }, header: { 'If-Match': ifMatch(measure.version) } }
  }

  async function measureDone(measure: RectMeasure): Promise<void> {
    await run(t('rect.done'), () => call(api().POST('/api/v1/rectifications/{id}/measures/{measureId}/done', { params: measureParams(measure) })))
  }

  async function measureWaive(measure: RectMeasure): Promise<void> {
    const reason = await askReason(t('rect.waiveReason'), t('rect.measureWaive'), t('rect.measureWaive'), t('rect.waiveReasonRequired'))
    if (reason === undefined) return
    await run(t('rect.done'), () =>
      call(api().POST('/api/v1/rectifications/{id}/measures/{measureId}/waive', { params: measureParams(measure), body: { reason } })),
    )
  }

  async function measureReopen(measure: RectMeasure): Promise<void> {
    if (!(await confirmed(measure.content ?? '', t('rect.measureReopen')))) return
    await run(t('rect.done'), () => call(api().POST('/api/v1/rectifications/{id}/measures/{measureId}/reopen', { params: measureParams(measure) })))
  }

  async function addMeasure(content: string, ownerName: string, deadline: string): Promise<boolean> {
    return run(t('rect.done'), () =>
      call(
        api().POST('/api/v1/rectifications/{id}/measures', {
          params: { path: { id: itemId.value } },
          body: { content: content.trim(), ...(ownerName.trim() === '' ? {} : { ownerName: ownerName.trim() }), ...(deadline === '' ? {} : { deadline }) },
        }),
      ),
    )
  }

  async function reportProgress(content: string, reportedOn: string = todayInAppZone()): Promise<boolean> {
    return run(t('rect.progressSaved'), () =>
      call(api().POST('/api/v1/rectifications/{id}/progress', { params: { path: { id: itemId.value } }, body: { content: content.trim(), reportedOn } })),
    )
  }

  watch(itemId, (id, previous) => {
    if (id !== '' && id !== previous) void refresh()
  })
  void refresh()

  return {
    itemId,
    item,
    measures,
    closures,
    attachedIds,
    loading,
    busy,
    notFound,
    actions,
    timeline,
    progress,
    refresh,
    start,
    apply,
    verify,
    reject,
    reopen,
    measureDone,
    measureWaive,
    measureReopen,
    addMeasure,
    reportProgress,
  }
}
