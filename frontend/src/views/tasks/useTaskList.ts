import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import type { operations } from '@/api/schema'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import { activeOnly } from '@/views/units/unitTree'
import type { Task } from './taskModel'

type ListTasksQuery = NonNullable<operations['listTasks']['parameters']['query']>

export interface TaskListFilters {
  [key: string]: string
  q: string
  status: string
  category: string
  priority: string
  unitId: string
  warning: string
  deadlineFrom: string
  deadlineTo: string
  /** The instances of one recurring task (reached from the template's page). */
  templateId: string
}

/**
 * A date range picker bound to two filter fields ("from"/"to" as YYYY-MM-DD), both kept in the
 * filters (and so in the URL).
 */
export function dateRangeModel(filters: Record<string, string>, from: string, to: string) {
  return computed<[string, string] | null>({
    get: (): [string, string] | null => {
      const start = filters[from] ?? ''
      const end = filters[to] ?? ''
      return start !== '' && end !== '' ? [start, end] : null
    },
    set: (value: [string, string] | null) => {
      filters[from] = value?.[0] ?? ''
      filters[to] = value?.[1] ?? ''
    },
  })
}

/** State of the 任务列表 page: URL-synced filters and sort, keyset "load more", the create dialog. */
export function useTaskList() {
  const router = useRouter()
  const units = useUnitsStore()
  const user = useUserStore()

  const table = usePagedTable<Task, TaskListFilters>({
    filters: { q: '', status: '', category: '', priority: '', unitId: '', warning: '', deadlineFrom: '', deadlineTo: '', templateId: '' },
    sort: '-createdAt',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/tasks', {
          params: { query: { ...filters, sort, limit, ...(cursor === undefined ? {} : { cursor }) } as ListTasksQuery },
        }),
      ),
  })
  const exportQuery = computed(() => listExportQuery(table.applied.value, (filters) => ({ ...filters })))

  const deadlineRange = dateRangeModel(table.filters, 'deadlineFrom', 'deadlineTo')
  const unitTree = computed(() => activeOnly(units.tree))
  const canCreate = computed(() => user.hasPermission('createTask'))
  const createOpen = ref(false)

  async function clearTemplate(): Promise<void> {
    table.filters.templateId = ''
    await table.search()
  }

  async function onCreated(task: Task): Promise<void> {
    if (task.id !== undefined) await router.push({ name: 'task-detail', params: { id: task.id } })
  }

  void units.load().catch((error: unknown) => handleApiError(error))

  return { table, exportQuery, deadlineRange, unitTree, canCreate, createOpen, clearTemplate, onCreated, unitName: units.nameOf }
}
