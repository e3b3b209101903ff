import { computed, reactive, ref, shallowRef, watch, type Ref } from 'vue'
import { useRouter, type LocationQuery, type LocationQueryRaw, type Router } from 'vue-router'
import { handleApiError } from '@/api/errors'

/** Filter values as they appear in the URL; '' means "not set". */
export type FilterValues = Record<string, string>

export interface PageRequest<F extends FilterValues> {
  /** Only the filters that are set. */
  filters: Partial<F>
  sort: string
  limit: number
  cursor?: string
}

/** The list shape every paged endpoint answers (`{items, nextCursor?, total?, totalExact?}`). */
export interface Page<T> {
  items?: T[]
  nextCursor?: string
  total?: number
  /** False when more than `total` match: the server stops counting at its count limit. */
  totalExact?: boolean
}

export interface PagedTableOptions<T, F extends FilterValues> {
  fetch: (request: PageRequest<F>) => Promise<Page<T>>
  /** Every filter key with its default value ('' for none). */
  filters: F
  /** Default sort, e.g. "-seq"; empty lets the server choose. */
  sort?: string
  limit?: number
  /** Mirror filters and sort in the URL query (default true). */
  syncUrl?: boolean
  /** Load the first page at once (default true). */
  immediate?: boolean
  router?: Router
  onError?: (error: unknown) => void
}

/** The filters and sort of the rows the list shows (what an export of the list must ask for). */
export interface AppliedQuery<F extends FilterValues> {
  filters: Partial<F>
  sort: string
}

export interface TableSortChange {
  prop: string | null
  order: 'ascending' | 'descending' | null
}

const SORT_KEY = 'sort'

function firstString(value: LocationQuery[string] | undefined): string | undefined {
  if (Array.isArray(value)) return firstString(value[0] ?? undefined)
  return typeof value === 'string' ? value : undefined
}

/**
 * A keyset-paged list: filters and sort live in the URL (so a link or a reload shows the same
 * list), "load more" follows nextCursor, and loading/empty states are exposed for the table.
 */
export function usePagedTable<T, F extends FilterValues>(options: PagedTableOptions<T, F>) {
  const syncUrl = options.syncUrl ?? true
  // A list that does not sync (e.g. inside a dialog) needs no router at all.
  const router: Router | undefined = options.router ?? (syncUrl ? useRouter() : undefined)
  const defaults: F = { ...options.filters }
  const defaultSort = options.sort ?? ''
  const limit = options.limit ?? 20
  const onError = options.onError ?? ((error: unknown) => handleApiError(error))
  const keys = Object.keys(defaults) as (keyof F & string)[]
  // The list belongs to the page it was created on; later URL changes of other pages are not ours.
  const ownRouteName = router?.currentRoute.value.name

  const filters = reactive({ ...defaults }) as F
  const sort = ref(defaultSort)
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const nextCursor = ref<string | undefined>()
  const total = ref<number | undefined>()
  const totalExact = ref(true)
  const loading = ref(false)
  const loadingMore = ref(false)
  const error = shallowRef<unknown>(null)
  const loaded = ref(false)
  // Set when a first page arrives; "load more" asks for the same, whatever the form holds meanwhile.
  const applied = shallowRef<AppliedQuery<F>>({ filters: {}, sort: defaultSort })

  let requestSeq = 0
  let appliedKey = ''

  const hasMore = computed(() => nextCursor.value !== undefined)
  const isEmpty = computed(() => loaded.value && !loading.value && items.value.length === 0)

  function activeFilters(): Partial<F> {
    const active: Partial<F> = {}
    for (const key of keys) {
      const value = filters[key]
      if (value !== undefined && value !== '') active[key] = value
    }
    return active
  }

  /** Only what differs from the defaults goes into the URL. */
  function queryFromState(): Record<string, string> {
    const query: Record<string, string> = {}
    for (const key of keys) {
      const value = (filters as FilterValues)[key] ?? ''
      if (value !== '' && value !== defaults[key]) query[key] = value
    }
    if (sort.value !== defaultSort) query[SORT_KEY] = sort.value
    return query
  }

  function stateFromQuery(query: LocationQuery): void {
    for (const key of keys) {
      const value = firstString(query[key])
      ;(filters as FilterValues)[key] = value ?? defaults[key] ?? ''
    }
    sort.value = firstString(query[SORT_KEY]) ?? defaultSort
  }

  function keyOf(query: Record<string, string>): string {
    return JSON.stringify(Object.keys(query).sort().map((key) => [key, query[key]]))
  }

  /** This list's part of a URL query, without values equal to the defaults (as queryFromState writes it). */
  function ownQuery(query: LocationQuery): Record<string, string> {
    const own: Record<string, string> = {}
    for (const key of keys) {
      const value = firstString(query[key])
      if (value !== undefined && value !== '' && value !== defaults[key]) own[key] = value
    }
    const sortValue = firstString(query[SORT_KEY])
    if (sortValue !== undefined && sortValue !== defaultSort) own[SORT_KEY] = sortValue
    return own
  }

  async function fetchPage(query: AppliedQuery<F>, cursor: string | undefined): Promise<Page<T> | null> {
    const seq = ++requestSeq
    try {
      const page = await options.fetch({
        filters: query.filters,
        sort: query.sort,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      })
      // A newer request (new filters) started meanwhile: drop this answer.
      return seq === requestSeq ? page : null
    } catch (cause) {
      if (seq === requestSeq) {
        error.value = cause
        onError(cause)
      }
      return null
    }
  }

  /** Loads the first page for the current filters. */
  async function reload(): Promise<void> {
    loading.value = true
    loadingMore.value = false
    error.value = null
    const query: AppliedQuery<F> = { filters: activeFilters(), sort: sort.value }
    const page = await fetchPage(query, undefined)
    if (page !== null) {
      applied.value = query
      items.value = page.items ?? []
      nextCursor.value = page.nextCursor ?? undefined
      total.value = page.total
      totalExact.value = page.totalExact !== false
      loaded.value = true
    }
    loading.value = false
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value
    if (cursor === undefined || loading.value || loadingMore.value) return
    loadingMore.value = true
    const page = await fetchPage(applied.value, cursor)
    if (page !== null) {
      items.value = [...items.value, ...(page.items ?? [])]
      nextCursor.value = page.nextCursor ?? undefined
      if (page.total !== undefined) {
        total.value = page.total
        totalExact.value = page.totalExact !== false
      }
    }
    loadingMore.value = false
  }

  /** Applies the filters: writes them to the URL, then loads the first page. */
  async function search(): Promise<void> {
    if (syncUrl && router !== undefined) {
      const query = queryFromState()
      appliedKey = keyOf(query)
      const current = router.currentRoute.value
      if (keyOf(ownQuery(current.query)) !== appliedKey) {
        const others: LocationQueryRaw = {}
        for (const [key, value] of Object.entries(current.query)) {
          if (!(keys as string[]).includes(key) && key !== SORT_KEY) others[key] = value
        }
        await router.push({ query: { ...others, ...query } })
      }
    }
    await reload()
  }

  async function reset(): Promise<void> {
    Object.assign(filters, defaults)
    sort.value = defaultSort
    await search()
  }

  async function setSort(value: string): Promise<void> {
    sort.value = value
    await search()
  }

  /** For el-table's @sort-change: "-prop" for descending, back to the default when cleared. */
  async function onSortChange(change: TableSortChange): Promise<void> {
    if (change.prop === null || change.order === null) await setSort(defaultSort)
    else await setSort(`${change.order === 'descending' ? '-' : ''}${change.prop}`)
  }

  /** For el-table's default-sort, from the current sort string (first field only). */
  const tableSort = computed<{ prop: string; order: 'ascending' | 'descending' } | undefined>(() => {
    const first = sort.value.split(',')[0]?.trim() ?? ''
    if (first === '') return undefined
    return first.startsWith('-') ? { prop: first.slice(1), order: 'descending' } : { prop: first, order: 'ascending' }
  })

  if (syncUrl && router !== undefined) {
    stateFromQuery(router.currentRoute.value.query)
    appliedKey = keyOf(queryFromState())
    // Back/forward or a pasted link changes the query under us: follow it.
    watch(
      () => router.currentRoute.value.query,
      (query) => {
        if (router.currentRoute.value.name !== ownRouteName) return
        const key = keyOf(ownQuery(query))
        if (key === appliedKey) return
        stateFromQuery(query)
        appliedKey = keyOf(queryFromState())
        void reload()
      },
    )
  }

  const ready: Promise<void> = options.immediate === false ? Promise.resolve() : reload()

  return {
    items,
    filters,
    sort,
    applied,
    total,
    totalExact,
    loading,
    loadingMore,
    error,
    hasMore,
    isEmpty,
    nextCursor,
    tableSort,
    ready,
    reload,
    loadMore,
    search,
    reset,
    setSort,
    onSortChange,
  }
}
