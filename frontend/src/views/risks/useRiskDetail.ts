import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { ApiError } from '@/api/problem'
import type { JournalEvent } from '@/components/RecordTimeline.vue'
import { useAllowedActions, type RiskActionCode } from '@/composables/useAllowedActions'
import { usePagedTable } from '@/composables/usePagedTable'
import { askReason, confirmed, routeParam, useRecordActions } from '@/composables/useRecordActions'
import { useRiskMatrixStore } from '@/stores/riskMatrix'
import {
  detailTab,
  type DetailTab,
  type Risk,
  type RiskDetail,
  type RiskGrading,
  type RiskMeasure,
  type RiskObligation,
  type RiskReport,
  type RiskReview,
} from './riskModel'

/** State and actions of the risk page (/risks/:id?tab=…&measure=…). */
export function useRiskDetail() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const matrixStore = useRiskMatrixStore()

  const riskId = computed(() => routeParam(route.params.id))
  const risk = shallowRef<Risk | null>(null)
  const measures = shallowRef<RiskMeasure[]>([])
  const gradings = shallowRef<RiskGrading[]>([])
  const reviews = shallowRef<RiskReview[]>([])
  const reports = shallowRef<RiskReport[]>([])
  const obligations = shallowRef<RiskObligation[]>([])
  const loading = ref(false)
  const { busy, run } = useRecordActions(refresh)
  const notFound = ref(false)

  /** What the server lets the caller do with the risk now. */
  const actions = useAllowedActions<RiskActionCode>(risk)
  const matrix = computed(() => matrixStore.current)
  /** The measure a to-do pointed at (`?measure=`), highlighted in its tab. */
  const highlightedMeasure = computed(() => routeParam(route.query.measure))

  /** The open tab lives in the URL, so a to-do can open the reviews or reports straight away. */
  const tab = computed<DetailTab>({
    get: () => (highlightedMeasure.value !== '' && route.query.tab === undefined ? 'measures' : detailTab(route.query.tab)),
    set: (value) => {
      void router.replace({ query: { ...route.query, tab: value } })
    },
  })

  const timeline = usePagedTable<JournalEvent, Record<string, string>>({
    syncUrl: false,
    immediate: false,
    filters: {},
    limit: 100,
    fetch: ({ limit, cursor }) =>
      call(
        api().GET('/api/v1/risks/{id}/timeline', {
          params: { path: { id: riskId.value }, query: { limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })

  function apply(detail: RiskDetail): void {
    risk.value = detail.risk ?? null
    measures.value = detail.measures ?? []
    gradings.value = detail.gradings ?? []
    reviews.value = detail.reviews ?? []
    reports.value = detail.reports ?? []
    obligations.value = detail.obligations ?? []
  }

  async function load(): Promise<void> {
    const id = riskId.value
    if (id === '') return
    loading.value = true
    try {
      const detail = await call(api().GET('/api/v1/risks/{id}', { params: { path: { id } } }))
      if (id !== riskId.value) return
      apply(detail)
      notFound.value = false
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        risk.value = null
        notFound.value = true
      } else {
        handleApiError(error)
      }
    } finally {
      loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([load(), timeline.reload()])
  }

  function riskParams() {
    const current = risk.value
    if (current?.id === undefined) return undefined
    return { path: { id: current.id }, header: { 'If-Match': ifMatch(current.version) } }
  }

  async function startControl(): Promise<void> {
    const params = riskParams()
    if (params === undefined || !(await confirmed(t('risk.startControlConfirm'), t('risk.startControl')))) return
    await run(t('risk.controlStarted'), () => call(api().POST('/api/v1/risks/{id}/start-control', { params })))
  }

  async function markControlled(): Promise<void> {
    const params = riskParams()
    if (params === undefined || !(await confirmed(t('risk.markControlledConfirm'), t('risk.markControlled')))) return
    await run(t('risk.controlled'), () => call(api().POST('/api/v1/risks/{id}/controlled', { params })))
  }

  async function close(): Promise<void> {
    const params = riskParams()
    if (params === undefined) return
    const reason = await askReason(t('risk.closePrompt'), t('risk.close'), t('risk.close'), t('risk.reasonRequired'), true)
    if (reason === undefined) return
    await run(t('risk.closed'), () => call(api().POST('/api/v1/risks/{id}/close', { params, body: { reason } })))
  }

  async function reopen(): Promise<void> {
    const params = riskParams()
    if (params === undefined) return
    const reason = await askReason(t('risk.reopenPrompt'), t('risk.reopen'), t('risk.reopen'), t('risk.reasonRequired'))
    if (reason === undefined) return
    await run(t('risk.reopened'), () => call(api().POST('/api/v1/risks/{id}/reopen', { params, body: { reason } })))
  }

  async function regrade(): Promise<void> {
    const params = riskParams()
    if (params === undefined) return
    const prompt = t('risk.regradePrompt', { version: matrix.value?.version ?? '' })
    const reason = await askReason(prompt, t('risk.regrade'), t('risk.regrade'), t('risk.reasonRequired'))
    if (reason === undefined) return
    await run(t('risk.regraded'), () => call(api().POST('/api/v1/risks/{id}/regrading', { params, body: { reason } })))
  }

  function measureParams(measure: RiskMeasure) {
    return { path: { id: riskId.value, measureId: measure.id ?? '' }, header: { 'If-Match': ifMatch(measure.version) } }
  }

  /** Done, with an optional note of what shows it (the prompt is the confirmation). */
  async function measureDone(measure: RiskMeasure): Promise<void> {
    let evidence: string
    try {
      const answer = await ElMessageBox.prompt(t('risk.measureEvidencePrompt'), measure.content ?? t('risk.measureDone'), {
        inputType: 'textarea',
        confirmButtonText: t('risk.measureDone'),
        inputValidator: (value: string) => (value ?? '').length <= 2000,
      })
      evidence = (answer.value ?? '').trim()
    } catch {
      return
    }
    await run(t('risk.measureSaved'), () =>
      call(
        api().POST('/api/v1/risks/{id}/measures/{measureId}/done', {
          params: measureParams(measure),
          body: evidence === '' ? {} : { evidence },
        }),
      ),
    )
  }

  async function measureReopen(measure: RiskMeasure): Promise<void> {
    if (!(await confirmed(measure.content ?? '', t('risk.measureReopenConfirm')))) return
    await run(t('risk.measureSaved'), () => call(api().POST('/api/v1/risks/{id}/measures/{measureId}/reopen', { params: measureParams(measure) })))
  }

  async function addMeasure(content: string, ownerName: string, deadline: string): Promise<boolean> {
    return run(t('risk.measureAdded'), () =>
      call(
        api().POST('/api/v1/risks/{id}/measures', {
          params: { path: { id: riskId.value } },
          body: { content: content.trim(), ...(ownerName.trim() === '' ? {} : { ownerName: ownerName.trim() }), ...(deadline === '' ? {} : { deadline }) },
        }),
      ),
    )
  }

  /** After a dialog saved: say so, show the tab the change landed in, reload. */
  async function afterDialog(message: string, landing?: DetailTab): Promise<void> {
    ElMessage.success(message)
    if (landing !== undefined) tab.value = landing
    await refresh()
  }

  watch(riskId, (id, previous) => {
    if (id !== '' && id !== previous) void refresh()
  })
  void refresh()
  // Fresh on every risk page: the grade and review previews must use the thresholds the server grades with.
  void matrixStore.load(true).catch((error: unknown) => handleApiError(error))

  return {
    riskId,
    risk,
    measures,
    gradings,
    reviews,
    reports,
    obligations,
    loading,
    busy,
    notFound,
    actions,
    matrix,
    tab,
    highlightedMeasure,
    timeline,
    refresh,
    startControl,
    markControlled,
    close,
    reopen,
    regrade,
    measureDone,
    measureReopen,
    addMeasure,
    afterDialog,
  }
}
