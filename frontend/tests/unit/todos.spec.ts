import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { initApi } from '@/api/client'
import type { components } from '@/api/schema'
import { setLocale } from '@/i18n'
import { useTodosStore } from '@/stores/todos'
import TodoBell from '@/layout/TodoBell.vue'
import { TODO_LEDGERS, TODO_STATES, todoKindChips, todoLedgerLabel, todoStateLabel, todoStateTag } from '@/views/home/todos'
import { kindsOfLedger, todoFlowLabel, todoListQuery } from '@/views/todos/useTodoCenter'
import { flush, jsonResponse, setupApp, testRouter, userWithRoles } from './helpers'

describe('to-do labels', () => {
  it('names every state and ledger of the contract in both languages, never the code', () => {
    setupApp()
    // Compile-time: the lists are the contract's enums, entry for entry.
    const states: components['schemas']['TodoState'][] = [...TODO_STATES]
    const ledgers: components['schemas']['TodoLedger'][] = [...TODO_LEDGERS]
    expect(states.map(todoStateLabel)).toEqual(['待办', '已办', '办结', '已撤回'])
    expect(ledgers.map(todoLedgerLabel)).toEqual(['督办任务', '整改台账', '风险台账'])
    setLocale('en')
    for (const state of states) expect(todoStateLabel(state)).not.toBe(state)
    for (const ledger of ledgers) expect(todoLedgerLabel(ledger)).not.toBe(ledger)
    expect(todoStateLabel('WITHDRAWN')).toBe('Withdrawn')
    setLocale('zh-CN')
    expect(todoStateTag('FINISHED')).toBe('success')
    expect(todoStateTag('SOMETHING')).toBe('info')
  })

  it('shows every kind of one to-do, most important first', () => {
    setupApp()
    expect(todoKindChips({ kinds: ['assignment.overdue', 'assignment.answer-urge'] })).toEqual([
      { code: 'assignment.overdue', label: '已逾期', tag: 'danger' },
      { code: 'assignment.answer-urge', label: '待回复催办', tag: 'warning' },
    ])
    expect(todoKindChips({})).toEqual([])
  })

  it('names the matter in the UI language, else in the server words', () => {
    setupApp()
    expect(todoFlowLabel({ flowType: 'task_assignment', flowName: '督办任务' })).toBe('承办事项')
    expect(todoFlowLabel({ flowType: 'inspection_visit', flowName: '巡察' })).toBe('巡察')
  })
})

describe('待办中心 query', () => {
  it('sends the state, and overdue only for open ones', () => {
    expect(todoListQuery({})).toEqual({ state: 'OPEN' })
    expect(todoListQuery({ state: 'OPEN', overdue: 'true', q: '  清明 ', ledger: 'task', kind: 'assignment.accept' })).toEqual({
      state: 'OPEN',
      overdue: true,
      q: '清明',
      ledger: 'task',
      kind: 'assignment.accept',
    })
    expect(todoListQuery({ state: 'DONE', overdue: 'true' })).toEqual({ state: 'DONE' })
    // A hand-edited URL with a bad value falls back instead of asking the API for nonsense.
    expect(todoListQuery({ state: 'BOGUS', ledger: 'bogus', overdue: 'maybe' })).toEqual({ state: 'OPEN' })
  })

  it('offers the kinds of the chosen ledger', () => {
    expect(kindsOfLedger('task').every((kind) => kind.startsWith('assignment.'))).toBe(true)
    expect(kindsOfLedger('risk')).toContain('risk.grade')
    expect(kindsOfLedger('risk')).not.toContain('rectification.verify')
    expect(kindsOfLedger('').length).toBe(kindsOfLedger('task').length + kindsOfLedger('rectification').length + kindsOfLedger('risk').length)
  })
})

describe('the header bell', () => {
  const fetchMock = vi.fn<(request: Request) => Promise<Response>>()
  beforeEach(() => {
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockReset()
  })
  afterEach(() => vi.unstubAllGlobals())

  function answer(unread: number): void {
    fetchMock.mockImplementation((request) => {
      const path = new URL(request.url).pathname
      if (path === '/api/v1/me/todos/summary') return Promise.resolve(jsonResponse({ open: 3, unread, overdue: 1 }))
      if (request.method === 'POST') return Promise.resolve(new Response(null, { status: 204 }))
      return Promise.resolve(jsonResponse({ items: [{ id: 'd-1', state: 'OPEN', kinds: ['risk.grade'], title: 'FX-2026-0001 保密', link: '/risks/r1', read: false }] }))
    })
  }

  async function mountBell() {
    const { plugins } = setupApp(userWithRoles('supervisor'))
    const router = await testRouter('/list')
    const wrapper = mount(TodoBell, { global: { plugins: [...plugins, router], stubs: { RouterLink: RouterLinkStub } } })
    await flush()
    return { wrapper, router }
  }

  it('shows the unread count, and no badge at 0', async () => {
    answer(2)
    const { wrapper } = await mountBell()
    expect(wrapper.find('.el-badge__content').text()).toBe('2')
    wrapper.unmount()
    answer(0)
    const again = await mountBell()
    expect(again.wrapper.find('.el-badge__content').exists() && again.wrapper.find('.el-badge__content').isVisible()).toBe(false)
  })

  it('asks for the count again on navigation', async () => {
    answer(1)
    const { router } = await mountBell()
    const summaries = () => fetchMock.mock.calls.filter((call) => new URL(call[0].url).pathname === '/api/v1/me/todos/summary').length
    const before = summaries()
    await router.push('/other')
    await flush()
    expect(summaries()).toBe(before + 1)
  })

  it('counts a to-do marked read down at once', async () => {
    answer(2)
    await mountBell()
    const store = useTodosStore()
    await store.refreshLatest()
    await store.markRead({ id: 'd-1', read: false, state: 'OPEN' })
    expect(store.summary.unread).toBe(1)
    expect(store.latest[0]?.read).toBe(true)
    // Already read: no second call.
    const posts = () => fetchMock.mock.calls.filter((call) => call[0].method === 'POST').length
    await store.markRead({ id: 'd-1', read: true, state: 'OPEN' })
    expect(posts()).toBe(1)
  })
})
