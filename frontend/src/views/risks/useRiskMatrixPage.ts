import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { useRiskMatrixStore } from '@/stores/riskMatrix'
import { useUserStore } from '@/stores/user'
import type { RiskMatrix } from './riskModel'

/** `?version=3` names an older version to look at; anything else means the current one. */
export function versionParam(value: unknown): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  const version = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  return Number.isInteger(version) && version > 0 ? version : undefined
}

/**
 * State of 评分矩阵 (/risk-matrix): the current version, the history, one older version opened
 * from it (kept in the URL), and publishing a new version (admins).
 */
export function useRiskMatrixPage() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const store = useRiskMatrixStore()
  const user = useUserStore()

  const current = computed(() => store.current)
  const versions = shallowRef<RiskMatrix[]>([])
  const older = shallowRef<RiskMatrix | null>(null)
  const loading = ref(false)
  const historyLoading = ref(false)
  const publishOpen = ref(false)
  const canPublish = computed(() => user.hasPermission('createRiskMatrix'))

  const requested = computed(() => versionParam(route.query.version))
  /** The version on show: an older one when asked for and loaded, else the current one. */
  const shown = computed(() => {
    const wanted = requested.value
    if (wanted === undefined || wanted === current.value?.version) return current.value
    return older.value?.version === wanted ? older.value : current.value
  })
  const showingCurrent = computed(() => shown.value !== null && shown.value.version === current.value?.version)

  async function loadVersions(): Promise<void> {
    historyLoading.value = true
    try {
      versions.value = await call(api().GET('/api/v1/risk-matrix/versions'))
    } catch (error) {
      handleApiError(error)
    } finally {
      historyLoading.value = false
    }
  }

  async function loadOlder(): Promise<void> {
    const version = requested.value
    if (version === undefined || version === current.value?.version || older.value?.version === version) return
    loading.value = true
    try {
      older.value = await call(api().GET('/api/v1/risk-matrix/versions/{version}', { params: { path: { version } } }))
    } catch (error) {
      handleApiError(error)
      await view(undefined)
    } finally {
      loading.value = false
    }
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      await store.load(true)
    } catch (error) {
      handleApiError(error)
    } finally {
      loading.value = false
    }
    await Promise.all([loadVersions(), loadOlder()])
  }

  /** Opens a version from the history (the current one clears the URL). */
  async function view(version: number | undefined): Promise<void> {
    const query = { ...route.query }
    if (version === undefined || version === current.value?.version) delete query.version
    else query.version = String(version)
    await router.replace({ query })
  }

  async function onPublished(matrix: RiskMatrix): Promise<void> {
    ElMessage.success(t('matrix.published', { n: matrix.version ?? '' }))
    // Every level tag in the app takes its colours from the store: refresh it.
    await view(undefined)
    await load()
  }

  watch(requested, () => void loadOlder())
  void load()

  return { current, versions, shown, showingCurrent, loading, historyLoading, publishOpen, canPublish, view, onPublished }
}
