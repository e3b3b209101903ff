import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import { activeOnly } from '@/views/units/unitTree'
import type { ReportCreate, ReportSummary } from './reportModel'

/** State of the 工作报告 page: the reports (newest first) and the 起草报告 dialog. */
export function useReportList() {
  const { t } = useI18n()
  const router = useRouter()
  const user = useUserStore()
  const units = useUnitsStore()

  const table = usePagedTable<ReportSummary, Record<string, string>>({
    syncUrl: false,
    filters: {},
    sort: '-createdAt',
    limit: 20,
    fetch: ({ sort, limit, cursor }) =>
      call(api().GET('/api/v1/reports', { params: { query: { sort, limit, ...(cursor === undefined ? {} : { cursor }) } } })),
  })

  const canCreate = computed(() => user.hasPermission('createReport'))
  /** Who sees every unit picks the unit (none: the bureau); a unit officer drafts their own unit's. */
  const seesAll = computed(() => user.me?.scope?.all === true)
  const ownUnitName = computed(() => user.unitName)
  const canManageTemplate = computed(() => user.hasPermission('replaceReportTemplate'))
  const unitTree = computed(() => activeOnly(units.tree))

  const createOpen = ref(false)
  const creating = ref(false)

  /** Drafts the report and opens it; false when the server refused. */
  async function create(request: ReportCreate): Promise<boolean> {
    creating.value = true
    try {
      const report = await call(api().POST('/api/v1/reports', { body: request }))
      ElMessage.success(t('reports.created'))
      createOpen.value = false
      if (report.id !== undefined) await router.push({ name: 'report-detail', params: { id: report.id } })
      return true
    } catch (error) {
      handleApiError(error)
      return false
    } finally {
      creating.value = false
    }
  }

  if (seesAll.value) void units.load().catch((error: unknown) => handleApiError(error))

  return { table, canCreate, seesAll, ownUnitName, canManageTemplate, unitTree, createOpen, creating, create }
}
