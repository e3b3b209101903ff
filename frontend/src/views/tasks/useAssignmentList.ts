import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import type { operations } from '@/api/schema'
import { recordActions, type AssignmentActionCode, type RecordActions } from '@/composables/useAllowedActions'
import { isDrilled, useDrillFilters, type DrillFilter } from '@/composables/useDrillFilters'
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
  // From a figure's drill (GET /statistics): no field of their own, shown as "来自统计".
  unitId: string
  /** 'true': the unit and every unit below it. */
  subtree: string
  issuedFrom: string
  issuedTo: string
  urgedFrom: string
  urgedTo: string
  escalatedFrom: string
  escalatedTo: string
}

export const ASSIGNMENT_FILTER_DEFAULTS: Readonly<AssignmentListFilters> = {
  status: '',
  open: 'true',
  warning: '',
  deadlineFrom: '',
  deadlineTo: '',
  unitId: '',
  subtree: '',
  issuedFrom: '',
  issuedTo: '',
  urgedFrom: '',
  urgedTo: '',
  escalatedFrom: '',
  escalatedTo: '',
}

/** The filters a drill sets that the form has no field for. */
export const ASSIGNMENT_DRILL_FILTERS: readonly DrillFilter[] = [
  { kind: 'unit', key: 'unitId' },
  { kind: 'flag', key: 'subtree', value: 'true', label: 'subtree' },
  { kind: 'range', from: 'issuedFrom', to: 'issuedTo', label: 'issued' },
  { kind: 'range', from: 'urgedFrom', to: 'urgedTo', label: 'urged' },
  { kind: 'range', from: 'escalatedFrom', to: 'escalatedTo', label: 'escalated' },
]

/**
 * The list's query of its filters: "only open ones" and "with the units below" are flags. A drill
 * lists exactly what a figure counted, so "only open ones" (the list's default) does not apply then.
 */
export function assignmentListQuery(filters: Partial<AssignmentListFilters>): ListAssignmentsQuery {
  const { open, subtree, ...rest } = filters
  const query: Record<string, string | boolean> = {}
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') query[key] = value
  if (open !== undefined && open !== '' && !isDrilled(filters, ASSIGNMENT_DRILL_FILTERS)) query.open = open === 'true'
  if (subtree === 'true') query.subtree = true
  return query as ListAssignmentsQuery
}

/** State of the 承办事项 page: my units' assignments, nearest deadline first, with quick actions. */
export function useAssignmentList() {
  const table = usePagedTable<Assignment, AssignmentListFilters>({
    filters: { ...ASSIGNMENT_FILTER_DEFAULTS },
    sort: 'deadline',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/assignments', {
          params: {
            query: {
              ...assignmentListQuery(filters),
              sort,
              limit,
              ...(isDrilled(filters, ASSIGNMENT_DRILL_FILTERS) ? { includeTotal: true } : {}),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
        }),
      ),
  })
  const drill = useDrillFilters(table, ASSIGNMENT_DRILL_FILTERS)
  const exportQuery = computed(() => listExportQuery(table.applied.value, assignmentListQuery))

  const deadlineRange = dateRangeModel(table.filters, 'deadlineFrom', 'deadlineTo')
  /** The checkbox "only open ones" over the 'true' / 'false' filter (off while a drill lists a figure's records). */
  const openOnly = computed<boolean>({
    get: () => table.filters.open !== 'false' && !drill.active.value,
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

  return { table, drill, exportQuery, deadlineRange, openOnly, actionsOf, transition: transitions.transition, busy: transitions.busy }
}
