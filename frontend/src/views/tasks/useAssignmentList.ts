import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
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

/** State of the 承办事项 page: my units' assignments, nearest deadline first, with quick actions. */
export function useAssignmentList() {
  const table = usePagedTable<Assignment, AssignmentListFilters>({
    filters: { status: '', open: 'true', warning: '', deadlineFrom: '', deadlineTo: '' },
    sort: 'deadline',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) => {
      const { open, ...rest } = filters
      return call(
        api().GET('/api/v1/assignments', {
          params: {
            query: {
              ...rest,
              ...(open === undefined ? {} : { open: open === 'true' }),
              sort,
              limit,
              ...(cursor === undefined ? {} : { cursor }),
            } as ListAssignmentsQuery,
          },
        }),
      )
    },
  })

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

  return { table, deadlineRange, openOnly, actionsOf, transition: transitions.transition, busy: transitions.busy }
}
