import { computed } from 'vue'
import { api, call } from '@/api/client'
import type { operations } from '@/api/schema'
import { usePagedTable } from '@/composables/usePagedTable'
import { labelOf } from '@/i18n'
import { TODO_KINDS, TODO_LEDGERS, TODO_STATES, todoKindLabel, todoLedgerLabel, todoStateLabel, type Todo } from '@/views/home/todos'

type ListTodosQuery = NonNullable<operations['listMyTodos']['parameters']['query']>

export interface TodoCenterFilters {
  [key: string]: string
  state: string
  kind: string
  ledger: string
  /** 'true': past their deadline only; 'false': not past it; '': both. */
  overdue: string
  q: string
}

export const TODO_CENTER_DEFAULTS: TodoCenterFilters = { state: 'OPEN', kind: '', ledger: '', overdue: '', q: '' }

function isState(value: string | undefined): value is (typeof TODO_STATES)[number] {
  return value !== undefined && (TODO_STATES as readonly string[]).includes(value)
}

function isLedger(value: string | undefined): value is (typeof TODO_LEDGERS)[number] {
  return value !== undefined && (TODO_LEDGERS as readonly string[]).includes(value)
}

/** The API query of the page's filters: enum filters only when valid, 'overdue' as a flag, and only while open. */
export function todoListQuery(filters: Partial<TodoCenterFilters>): ListTodosQuery {
  const query: ListTodosQuery = {}
  const state = isState(filters.state) ? filters.state : 'OPEN'
  query.state = state
  if (filters.kind !== undefined && filters.kind !== '') query.kind = filters.kind
  if (isLedger(filters.ledger)) query.ledger = filters.ledger
  if (state === 'OPEN' && (filters.overdue === 'true' || filters.overdue === 'false')) query.overdue = filters.overdue === 'true'
  const q = filters.q?.trim()
  if (q !== undefined && q !== '') query.q = q
  return query
}

/** The kinds offered in the filter: those of the chosen ledger, or all. */
export function kindsOfLedger(ledger: string): readonly string[] {
  if (ledger === '') return TODO_KINDS
  const prefix = ledger === 'task' ? 'assignment.' : `${ledger}.`
  return TODO_KINDS.filter((kind) => kind.startsWith(prefix))
}

/** The matter a to-do concerns, in the UI's language when known (else the server's words). */
export function todoFlowLabel(todo: Pick<Todo, 'flowType' | 'flowName'>): string {
  const label = labelOf('entityType', todo.flowType)
  return label !== '' && label !== todo.flowType ? label : (todo.flowName ?? todo.flowType ?? '')
}

/** State of the 待办中心 page: the caller's to-dos by state, filtered, paged. */
export function useTodoCenter() {
  const table = usePagedTable<Todo, TodoCenterFilters>({
    filters: { ...TODO_CENTER_DEFAULTS },
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/me/todos', {
          params: {
            query: { ...todoListQuery(filters), ...(sort === '' ? {} : { sort }), limit, includeTotal: true, ...(cursor === undefined ? {} : { cursor }) },
          },
        }),
      ),
  })

  const options = computed(() => ({
    states: TODO_STATES.map((value) => ({ value, label: todoStateLabel(value) })),
    ledgers: TODO_LEDGERS.map((value) => ({ value, label: todoLedgerLabel(value) })),
    kinds: kindsOfLedger(table.filters.ledger).map((value) => ({ value, label: todoKindLabel(value) })),
  }))

  /** Switching tabs applies at once; the overdue filter only means something for open ones. */
  async function selectState(state: string): Promise<void> {
    table.filters.state = state
    if (state !== 'OPEN') table.filters.overdue = ''
    await table.search()
  }

  /** Choosing a ledger drops a kind of another ledger. */
  function selectLedger(ledger: string): void {
    table.filters.ledger = ledger
    if (table.filters.kind !== '' && !kindsOfLedger(ledger).includes(table.filters.kind)) table.filters.kind = ''
  }

  return { table, options, selectState, selectLedger }
}
