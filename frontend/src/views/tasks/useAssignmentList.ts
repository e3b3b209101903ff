import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import type { operations } from '@/api/schema'
import { recordActions, type AssignmentActionCode, type RecordActions } from '@/composables/useAllowedActions'
import { usePagedTable } from '@/composables/usePagedTable'
import type { Assignment } from './taskModel'
import { dateRangeModel } from './useTaskList'
import { useAssignmentTransitions } from './useAssignmentPanel'

type ListAssignmentsQuery = NonNullable<operations['listAssignments']['parameters']['query']>

export interface AssignmentListFilters {
  [key: string]: string
  status: string
  /** 'true' (default): only what is still open; 'false': everything. */
  open: string
  warning: string
  deadlineFrom: string
  deadlineTo: string
}

/** The list's query of its filters: "only open ones" is a flag. */
export function assignmentListQuery(filters: Partial<AssignmentListFilters>): ListAssignmentsQuery {
  const { open, ...rest } = filters
  return { ...rest, ...(open === undefined ? {} : { open: open === 'true' }) } as ListAssignmentsQuery
}

/** State of the 承办事项 page: my units' assignments, nearest deadline first, with quick actions. */
export function useAssignmentList() {
  const table = usePagedTable<Assignment, AssignmentListFilters>({
    filters: { status: '', open: 'true', warning: '', deadlineFrom: '', deadlineTo: '' },
    sort: 'deadline',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/assignments', {
          params: { query: { ...assignmentListQuery(filters), sort, limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })
  const exportQuery = computed(() => listExportQuery(table.applied.value, assignmentListQuery))

  const deadlineRange = dateRangeModel(table.filters, 'deadlineFrom', 'deadlineTo')
  /** The checkbox "only open ones" over the 'true' / 'false' filter. */
  const openOnly = computed<boolean>({
    get: () => table.filters.open !== 'false',
    set: (value) => {
      table.filters.open = value ? 'true' : 'false'
      if (value && (table.filters.status === 'DONE' || table.filters.status === 'CANCELLED')) table.filters.status = ''
    },
  })

  const transitions = useAssignmentTransitions(
    async (_action, message) => {
      ElMessage.success(message)
      await table.reload()
    },
    () => table.reload(),
  )

  /** A row's quick actions, as the server allows them. */
  function actionsOf(row: Assignment): RecordActions<AssignmentActionCode> {
    return recordActions<AssignmentActionCode>(row)
  }

  return { table, exportQuery, deadlineRange, openOnly, actionsOf, transition: transitions.transition, busy: transitions.busy }
}
