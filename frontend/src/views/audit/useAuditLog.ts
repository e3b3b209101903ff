import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import type { components } from '@/api/schema'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'

export type JournalEvent = components['schemas']['Event']

/** Entity types the journal knows today; the filter also accepts any typed value. */
export const ENTITY_TYPES = ['unit', 'task', 'task_assignment', 'rectification', 'risk', 'risk_matrix', 'attachment', 'user', 'journal'] as const
/** Common action filters: exact codes, or prefixes ending in '.'. */
export const ACTION_SUGGESTIONS = [
  'unit.',
  'unit.created',
  'unit.updated',
  'unit.moved',
  'unit.deactivated',
  'unit.activated',
  'task.',
  'assignment.',
  'rectification.',
  'risk.',
  'attachment.',
  'user.',
  'journal.',
] as const

/** State of the 审计日志 page: URL-synced filters, keyset "load more", the detail drawer. */
export function useAuditLog() {
  const { t } = useI18n()
  const units = useUnitsStore()

  const table = usePagedTable<JournalEvent, { actor: string; action: string; entityType: string; unitId: string; from: string; to: string }>({
    filters: { actor: '', action: '', entityType: '', unitId: '', from: '', to: '' },
    sort: '-seq',
    limit: 30,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/events', {
          params: { query: { ...filters, sort, limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })

  const exportQuery = computed(() => listExportQuery(table.applied.value, (filters) => ({ ...filters })))

  /** el-date-picker's datetimerange value, kept as two ISO strings in the filters (and the URL). */
  const timeRange = computed<[string, string] | null>({
    get: (): [string, string] | null => {
      const { from, to } = table.filters
      return from !== '' && to !== '' ? [from, to] : null
    },
    set: (value: [string, string] | null) => {
      table.filters.from = value?.[0] ?? ''
      table.filters.to = value?.[1] ?? ''
    },
  })

  const selected = shallowRef<JournalEvent | null>(null)
  const drawerOpen = ref(false)
  const verifying = ref(false)

  function open(event: JournalEvent): void {
    selected.value = event
    drawerOpen.value = true
  }

  async function verify(): Promise<void> {
    verifying.value = true
    try {
      const report = await call(api().GET('/api/v1/events/verification'))
      if (report.intact === true) ElMessage.success(t('audit.verifyIntact', { checked: report.checked ?? 0 }))
      else
        ElMessage.error({
          message: t('audit.verifyBroken', {
            position: report.firstBroken?.position ?? '?',
            reason: report.firstBroken?.reason ?? '',
          }),
          duration: 0,
          showClose: true,
        })
    } catch (error) {
      handleApiError(error)
    } finally {
      verifying.value = false
    }
  }

  void units.load().catch((error: unknown) => handleApiError(error))

  return { table, exportQuery, timeRange, selected, drawerOpen, verifying, open, verify, unitName: units.nameOf, unitTree: computed(() => units.tree) }
}
