import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import type { operations } from '@/api/schema'
import { useDrillFilters, type DrillFilter } from '@/composables/useDrillFilters'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'
import { CATEGORIES, assignmentLink, type TaskRecord } from '@/views/tasks/taskModel'
import { dateRangeModel } from '@/views/tasks/useTaskList'
import { activeOnly } from '@/views/units/unitTree'

type ListRecordsQuery = NonNullable<operations['listRecords']['parameters']['query']>

export interface RecordListFilters {
  [key: string]: string
  q: string
  category: string
  unitId: string
  heldFrom: string
  heldTo: string
  /** From a figure's drill: 'true' = unitId and every unit below it. */
  subtree: string
}

export const EMPTY_RECORD_FILTERS: Readonly<RecordListFilters> = { q: '', category: '', unitId: '', heldFrom: '', heldTo: '', subtree: '' }

/** The filters a drill sets that the form has no field for. */
export const RECORD_DRILL_FILTERS: readonly DrillFilter[] = [{ kind: 'flag', key: 'subtree', value: 'true', label: 'subtree' }]

/** The list's query of its filters: a known category only, the text trimmed, "with the units below" a flag. */
export function recordListQuery(filters: Partial<RecordListFilters>): ListRecordsQuery {
  const query: ListRecordsQuery = {}
  const q = filters.q?.trim()
  if (q !== undefined && q !== '') query.q = q
  if (filters.category && (CATEGORIES as readonly string[]).includes(filters.category)) query.category = filters.category as ListRecordsQuery['category']
  if (filters.unitId) query.unitId = filters.unitId
  if (filters.heldFrom) query.heldFrom = filters.heldFrom
  if (filters.heldTo) query.heldTo = filters.heldTo
  if (filters.subtree === 'true') query.subtree = true
  return query
}

/** State of the 工作记录 page: every execution record in scope, newest held first; a row opens its task. */
export function useRecordList() {
  const router = useRouter()
  const units = useUnitsStore()

  const table = usePagedTable<TaskRecord, RecordListFilters>({
    filters: { ...EMPTY_RECORD_FILTERS },
    sort: '-heldOn',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/records', {
          params: { query: { ...recordListQuery(filters), sort, limit, includeTotal: true, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })
  const drill = useDrillFilters(table, RECORD_DRILL_FILTERS)
  const heldRange = dateRangeModel(table.filters, 'heldFrom', 'heldTo')
  const unitTree = computed(() => activeOnly(units.tree))

  /** The record's id whose task is being looked up (a record names its assignment, the page is the task's). */
  const opening = ref('')

  async function openTask(record: TaskRecord): Promise<void> {
    const id = record.assignmentId
    if (id === undefined || opening.value !== '') return
    opening.value = record.id ?? id
    try {
      const assignment = await call(api().GET('/api/v1/assignments/{id}', { params: { path: { id } } }))
      await router.push(assignmentLink({ id, taskId: assignment.taskId }))
    } catch (error) {
      handleApiError(error)
    } finally {
      opening.value = ''
    }
  }

  void units.load().catch((error: unknown) => handleApiError(error))

  return { table, drill, heldRange, unitTree, unitName: units.nameOf, opening, openTask }
}
