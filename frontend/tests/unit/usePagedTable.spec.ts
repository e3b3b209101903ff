import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, nextTick, type EffectScope } from 'vue'
import { mount } from '@vue/test-utils'
import { usePagedTable, type Page, type PageRequest } from '@/composables/usePagedTable'
import { deferred, flush, testRouter } from './helpers'

interface Row {
  id: number
}

type Filters = { q: string; kind: string }

const rows = (...ids: number[]): Row[] => ids.map((id) => ({ id }))

let scope: EffectScope | undefined
afterEach(() => scope?.stop())

/** Creates the composable in its own effect scope (as a component would). */
function create(options: Parameters<typeof usePagedTable<Row, Filters>>[0]) {
  scope = effectScope()
  const table = scope.run(() => usePagedTable<Row, Filters>(options))
  if (table === undefined) throw new Error('no table')
  return table
}

describe('usePagedTable', () => {
  it('reads filters and sort from the URL and loads the first page with them', async () => {
    const router = await testRouter('/list?q=%E5%8A%9E&sort=-name&other=keep')
    const fetch = vi.fn(async (_request: PageRequest<Filters>): Promise<Page<Row>> => ({ items: rows(1, 2), nextCursor: 'c2' }))

    const table = create({ router, fetch, filters: { q: '', kind: '' }, sort: 'code', limit: 2 })
    await table.ready

    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith({ filters: { q: '办' }, sort: '-name', limit: 2 })
    expect(table.filters.q).toBe('办')
    expect(table.items.value).toEqual(rows(1, 2))
    expect(table.hasMore.value).toBe(true)
    expect(table.loading.value).toBe(false)
    expect(table.tableSort.value).toEqual({ prop: 'name', order: 'descending' })
  })

  it('search() writes only non-default filters and sort to the URL and restarts from page one', async () => {
    const router = await testRouter('/list?other=keep')
    const fetch = vi.fn(async (request: PageRequest<Filters>): Promise<Page<Row>> =>
      request.cursor === undefined ? { items: rows(1), nextCursor: 'c2' } : { items: rows(2) },
    )
    const table = create({ router, fetch, filters: { q: '', kind: '' }, sort: 'code' })
    await table.ready
    await table.loadMore()
    expect(table.items.value).toHaveLength(2)

    table.filters.kind = 'BRANCH'
    await table.search()

    expect(router.currentRoute.value.query).toEqual({ other: 'keep', kind: 'BRANCH' })
    expect(fetch).toHaveBeenLastCalledWith({ filters: { kind: 'BRANCH' }, sort: 'code', limit: 20 })
    expect(table.items.value).toEqual(rows(1))
    // Following the URL change must not load a second time.
    await flush()
    expect(fetch).toHaveBeenCalledTimes(3)

    await table.onSortChange({ prop: 'name', order: 'descending' })
    expect(router.currentRoute.value.query).toEqual({ other: 'keep', kind: 'BRANCH', sort: '-name' })
    await table.onSortChange({ prop: null, order: null })
    expect(router.currentRoute.value.query.sort).toBeUndefined()
    expect(table.sort.value).toBe('code')
  })

  it('loadMore() passes the cursor, appends, and stops at the last page', async () => {
    const router = await testRouter()
    const pages: Record<string, Page<Row>> = {
      first: { items: rows(1, 2), nextCursor: 'A' },
      A: { items: rows(3, 4), nextCursor: 'B' },
      B: { items: rows(5) },
    }
    const fetch = vi.fn(async (request: PageRequest<Filters>) => pages[request.cursor ?? 'first'] ?? {})
    const table = create({ router, fetch, filters: { q: '', kind: '' }, limit: 2 })
    await table.ready

    await table.loadMore()
    expect(fetch).toHaveBeenLastCalledWith({ filters: {}, sort: '', limit: 2, cursor: 'A' })
    await table.loadMore()
    expect(table.items.value.map((row) => row.id)).toEqual([1, 2, 3, 4, 5])
    expect(table.hasMore.value).toBe(false)

    await table.loadMore() // nothing more to load
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('follows back/forward: a URL change reloads with the filters it carries', async () => {
    const router = await testRouter('/list')
    const fetch = vi.fn(async (request: PageRequest<Filters>): Promise<Page<Row>> => ({ items: rows(request.filters.q === 'x' ? 9 : 1) }))
    const table = create({ router, fetch, filters: { q: '', kind: '' } })
    await table.ready

    table.filters.q = 'x'
    await table.search()
    expect(table.items.value).toEqual(rows(9))

    router.back()
    await vi.waitFor(() => expect(router.currentRoute.value.query.q).toBeUndefined())
    await vi.waitFor(() => expect(table.items.value).toEqual(rows(1)))
    expect(table.filters.q).toBe('')

    // Navigating to another page does not reload this list.
    const calls = fetch.mock.calls.length
    await router.push('/other?q=zzz')
    await flush()
    expect(fetch).toHaveBeenCalledTimes(calls)
  })

  it('reset() clears filters and the URL', async () => {
    const router = await testRouter('/list?q=a&kind=DEPARTMENT')
    const fetch = vi.fn(async (): Promise<Page<Row>> => ({ items: [] }))
    const table = create({ router, fetch, filters: { q: '', kind: '' } })
    await table.ready
    await table.reset()
    expect(table.filters).toEqual({ q: '', kind: '' })
    expect(router.currentRoute.value.query).toEqual({})
    expect(fetch).toHaveBeenLastCalledWith({ filters: {}, sort: '', limit: 20 })
  })

  it('exposes loading and empty states', async () => {
    const router = await testRouter()
    const answer = deferred<Page<Row>>()
    const table = create({ router, fetch: () => answer.promise, filters: { q: '', kind: '' } })

    expect(table.loading.value).toBe(true)
    expect(table.isEmpty.value).toBe(false) // not "empty" before the first answer
    answer.resolve({ items: [] })
    await table.ready
    expect(table.loading.value).toBe(false)
    expect(table.isEmpty.value).toBe(true)
  })

  it('drops an answer that arrives after a newer search', async () => {
    const router = await testRouter()
    const slow = deferred<Page<Row>>()
    const fast = deferred<Page<Row>>()
    const answers = [slow, fast]
    const table = create({ router, fetch: () => answers.shift()?.promise ?? Promise.resolve({}), filters: { q: '', kind: '' } })

    table.filters.q = 'new'
    const searching = table.search()
    fast.resolve({ items: rows(2) })
    await searching
    slow.resolve({ items: rows(1) })
    await flush()
    expect(table.items.value).toEqual(rows(2))
  })

  it('reports a failed load once and keeps what was shown', async () => {
    const router = await testRouter()
    const onError = vi.fn()
    let fail = false
    const table = create({
      router,
      onError,
      filters: { q: '', kind: '' },
      fetch: async () => {
        if (fail) throw new Error('boom')
        return { items: rows(1), nextCursor: 'n' }
      },
    })
    await table.ready
    fail = true
    await table.loadMore()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(table.items.value).toEqual(rows(1))
    expect(table.loadingMore.value).toBe(false)
    expect(table.error.value).toBeInstanceOf(Error)
  })

  it('works inside a component with the injected router, without URL sync when asked', async () => {
    const router = await testRouter('/list?q=ignored')
    const fetch = vi.fn(async (): Promise<Page<Row>> => ({ items: rows(7) }))
    const Host = defineComponent({
      setup() {
        const synced = usePagedTable<Row, Filters>({ fetch, filters: { q: '', kind: '' } })
        const local = usePagedTable<Row, Filters>({ fetch, filters: { q: '', kind: '' }, syncUrl: false })
        return () => h('p', `${synced.filters.q}|${local.filters.q}|${synced.items.value.length}`)
      },
    })
    const wrapper = mount(Host, { global: { plugins: [router] } })
    await flush()
    await nextTick()
    expect(wrapper.text()).toBe('ignored||1')
    wrapper.unmount()
  })
})
