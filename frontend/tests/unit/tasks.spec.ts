import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { initApi } from '@/api/client'
import RecordTimeline, { type JournalEvent } from '@/components/RecordTimeline.vue'
import WarningTag from '@/components/WarningTag.vue'
import { statusTagStyle } from '@/components/status'
import { setLocale } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import { todayInAppZone } from '@/utils/format'
import { todoKindLabel, todoKindTag, todoLink, TODO_KINDS } from '@/views/home/todos'
import { assignmentLink, type Assignment } from '@/views/tasks/taskModel'
import { flush, jsonResponse, setupApp, userWithRoles } from './helpers'

const { messageError, messageSuccess, prompt, confirm } = vi.hoisted(() => ({
  messageError: vi.fn(),
  messageSuccess: vi.fn(),
  prompt: vi.fn(),
  confirm: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: vi.fn() },
  ElMessageBox: { prompt, confirm },
}))

const { useAssignmentTransitions } = await import('@/views/tasks/useAssignmentPanel')
const { default: MyTodos } = await import('@/views/home/MyTodos.vue')

beforeEach(() => {
  messageError.mockReset()
  messageSuccess.mockReset()
  prompt.mockReset()
  confirm.mockReset()
})

describe('task links', () => {
  it('links an assignment the way the to-dos do', () => {
    expect(assignmentLink({ id: 'a-1', taskId: 't-1' })).toBe('/tasks/t-1?assignment=a-1')
  })
})

describe('WarningTag', () => {
  it.each([
    ['GREEN', '绿', '#2e9d4f'],
    ['YELLOW', '黄', '#e6b800'],
    ['RED', '红（逾期）', '#d9001b'],
  ])('shows %s as a traffic light: %s', (warning, label, color) => {
    const { plugins } = setupApp()
    const wrapper = mount(WarningTag, { props: { warning }, global: { plugins } })
    expect(wrapper.text()).toBe(label)
    expect(wrapper.find('.el-tag').attributes('style')).toContain(`background-color: ${color}`)
  })

  it('says how a finished item ended, and nothing for no deadline', async () => {
    const { plugins } = setupApp()
    const wrapper = mount(WarningTag, { props: { warning: 'ON_TIME' }, global: { plugins } })
    expect(wrapper.text()).toBe('按时办结')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--success')
    await wrapper.setProps({ warning: 'LATE' })
    expect(wrapper.text()).toBe('超期办结')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--danger')
    await wrapper.setProps({ warning: 'NONE' })
    expect(wrapper.find('.el-tag').exists()).toBe(false)
    expect(wrapper.text()).toBe('—')

    setLocale('en')
    await wrapper.setProps({ warning: 'RED' })
    expect(wrapper.text()).toBe('Red (overdue)')
  })

  it('keeps the task states in the one colour scheme', () => {
    expect(statusTagStyle('DRAFT')).toEqual({ type: 'info' })
    expect(statusTagStyle('ISSUED')).toEqual({ type: 'primary' })
    expect(statusTagStyle('COMPLETED')).toEqual({ type: 'success' })
    expect(statusTagStyle('CANCELLED')).toEqual({ type: 'info' })
  })
})

describe('to-dos', () => {
  it('labels every kind in both languages', () => {
    setupApp()
    expect(TODO_KINDS.map((kind) => todoKindLabel(kind))).toEqual([
      '待签收',
      '待办理/报送',
      '已逾期',
      '待回复催办',
      '待审核办结',
      '待整改',
      '整改中',
      '已逾期',
      '本期未报进展',
      '整改措施到期',
      '待核验销号',
      '待研判',
      '待报告',
      '管控措施到期',
      '待评级',
    ])
    setLocale('en')
    expect(todoKindLabel('assignment.approve')).toBe('To approve')
    expect(todoKindLabel('risk.report-due')).toBe('Report due')
    expect(todoKindLabel('inspection.visit')).toBe('inspection.visit') // a kind from a later ledger stays readable
    expect(todoKindTag('assignment.overdue')).toBe('danger')
    expect(todoKindTag('something.else')).toBe('info')
  })

  it('follows only links inside the app', () => {
    expect(todoLink({ link: '/tasks/t-1?assignment=a-1' })).toBe('/tasks/t-1?assignment=a-1')
    expect(todoLink({ link: 'https://evil.example/' })).toBeUndefined()
    expect(todoLink({ link: '//evil.example/' })).toBeUndefined()
    expect(todoLink({})).toBeUndefined()
  })

  describe('我的待办 on the dashboard', () => {
    const fetchMock = vi.fn<(request: Request) => Promise<Response>>()
    beforeEach(() => {
      initApi('http://api.test')
      vi.stubGlobal('fetch', fetchMock)
      fetchMock.mockReset()
    })
    afterEach(() => vi.unstubAllGlobals())

    it('lists the first page, one entry per matter with all its kinds, and links to 待办中心', async () => {
      fetchMock.mockResolvedValue(
        jsonResponse({
          items: [
            {
              id: 'd-7',
              state: 'OPEN',
              kinds: ['assignment.overdue', 'assignment.answer-urge'],
              title: 'RW-2026-0007 五一节点纪律检查',
              link: '/tasks/t7?assignment=a7',
              due: '2026-05-06',
              warning: 'RED',
              since: '2026-05-01T01:00:00Z',
              read: false,
            },
            { id: 'd-10', state: 'OPEN', kinds: ['assignment.accept'], title: 'RW-2026-0010 专项检查', link: '/tasks/t10?assignment=a10', due: '2026-12-08', warning: 'GREEN', read: true },
          ],
          nextCursor: 'next',
          total: 12,
        }),
      )
      const { plugins } = setupApp(userWithRoles('unit_officer'))
      const wrapper = mount(MyTodos, { global: { plugins, stubs: { RouterLink: RouterLinkStub } } })
      await flush()
      const url = new URL(fetchMock.mock.calls[0]?.[0].url ?? '')
      expect(url.pathname).toBe('/api/v1/me/todos')
      expect(url.searchParams.get('state')).toBe('OPEN')
      expect(url.searchParams.get('includeTotal')).toBe('true')
      const items = wrapper.findAll('[data-testid="todo-item"]')
      expect(items).toHaveLength(2)
      expect(items[0]?.text()).toContain('已逾期')
      expect(items[0]?.text()).toContain('待回复催办')
      expect(items[0]?.attributes('data-kinds')).toBe('assignment.overdue assignment.answer-urge')
      expect(items[0]?.text()).toContain('截止 2026-05-06')
      expect(items[0]?.text()).toContain('红（逾期）')
      expect(items[0]?.text()).toContain('自 2026-05-01 09:00:00')
      expect(items[0]?.classes()).toContain('my-todos__item--unread')
      expect(items[0]?.findComponent(RouterLinkStub).props('to')).toBe('/tasks/t7?assignment=a7')
      expect(items[1]?.text()).toContain('待签收')
      expect(items[1]?.classes()).not.toContain('my-todos__item--unread')
      expect(wrapper.text()).toContain('仅显示最紧急的 2 项')
      expect(wrapper.find('[data-testid="todo-all"]').findComponent(RouterLinkStub).props('to')).toBe('/todos')
      expect(wrapper.find('.el-badge__content').text()).toBe('12')
    })

    it('marks a to-do read when it is opened', async () => {
      fetchMock.mockImplementation((request) =>
        Promise.resolve(
          request.method === 'POST'
            ? new Response(null, { status: 204 })
            : jsonResponse({ items: [{ id: 'd-7', state: 'OPEN', kinds: ['assignment.accept'], title: '专项检查', link: '/tasks/t7', read: false }] }),
        ),
      )
      const { plugins } = setupApp(userWithRoles('unit_officer'))
      const wrapper = mount(MyTodos, { global: { plugins, stubs: { RouterLink: RouterLinkStub } } })
      await flush()
      await wrapper.find('[data-testid="todo-link"]').trigger('click')
      await flush()
      const post = fetchMock.mock.calls.map((call) => call[0]).find((request) => request.method === 'POST')
      expect(new URL(post?.url ?? '').pathname).toBe('/api/v1/me/todos/d-7/read')
    })

    it('says so when nothing waits', async () => {
      fetchMock.mockResolvedValue(jsonResponse({ items: [] }))
      const { plugins } = setupApp(userWithRoles('viewer'))
      const wrapper = mount(MyTodos, { global: { plugins, stubs: { RouterLink: RouterLinkStub } } })
      await flush()
      expect(wrapper.find('[data-testid="todo-empty"]').text()).toContain('暂无待办')
    })
  })
})

describe('assignment state changes', () => {
  const fetchMock = vi.fn<(request: Request) => Promise<Response>>()
  const done = vi.fn()
  const reload = vi.fn()
  const assignment: Assignment = { id: 'a-1', taskId: 't-1', taskTitle: '专项检查', unit: { id: 'u-1', name: '体育场馆管理中心' }, status: 'IN_PROGRESS', version: 4 }

  beforeEach(() => {
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockReset()
    done.mockReset()
    reload.mockReset()
  })
  afterEach(() => vi.unstubAllGlobals())

  function mountTransitions() {
    let api: ReturnType<typeof useAssignmentTransitions> | undefined
    const Probe = defineComponent({
      setup() {
        api = useAssignmentTransitions(done, reload)
        return () => h('div')
      },
    })
    const { plugins } = setupApp(userWithRoles('unit_officer'))
    mount(Probe, { global: { plugins } })
    if (api === undefined) throw new Error('not mounted')
    return api
  }

  it('报送 sends the note with the version as If-Match', async () => {
    prompt.mockResolvedValue({ value: '  已完成，见附件  ' })
    fetchMock.mockResolvedValue(jsonResponse({ ...assignment, status: 'SUBMITTED', version: 5 }))
    const { transition } = mountTransitions()
    expect(await transition('submit', assignment)).toBe(true)
    const request = fetchMock.mock.calls[0]?.[0]
    expect(request?.method).toBe('POST')
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/assignments/a-1/submit')
    expect(request?.headers.get('If-Match')).toBe('"4"')
    expect(await request?.json()).toEqual({ note: '已完成，见附件' })
    expect(done).toHaveBeenCalledWith('submit', '已报送，等待审核', assignment)
  })

  it('签收 asks for a plain confirmation; cancelling sends nothing', async () => {
    confirm.mockRejectedValue('cancel')
    const { transition } = mountTransitions()
    expect(await transition('accept', { ...assignment, status: 'PENDING' })).toBe(false)
    expect(confirm.mock.calls[0]?.[0]).toBe('确定签收“专项检查”吗？签收后即进入办理。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('退回 requires a reason', async () => {
    prompt.mockResolvedValue({ value: '缺少照片' })
    fetchMock.mockResolvedValue(jsonResponse({ ...assignment, returnedCount: 1 }))
    const { transition } = mountTransitions()
    await transition('return', { ...assignment, status: 'SUBMITTED' })
    const options = prompt.mock.calls[0]?.[2] as { inputValidator: (value: string) => boolean | string }
    expect(options.inputValidator('  ')).toBe('退回原因不能为空')
    expect(options.inputValidator('缺少照片')).toBe(true)
    const request = fetchMock.mock.calls[0]?.[0]
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/assignments/a-1/return')
    expect(await request?.json()).toEqual({ reason: '缺少照片' })
  })

  it('an illegal transition (409) shows the server’s reason and reports nothing done', async () => {
    prompt.mockResolvedValue({ value: '' })
    fetchMock.mockResolvedValue(
      jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'assignment.illegal-transition', detail: '当前状态（DONE）不能执行该操作（approve）' },
        409,
      ),
    )
    const { transition } = mountTransitions()
    expect(await transition('approve', { ...assignment, status: 'SUBMITTED' })).toBe(false)
    expect(await fetchMock.mock.calls[0]?.[0].json()).toEqual({}) // an empty note is not sent
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '操作未完成：当前状态（DONE）不能执行该操作（approve）' }))
    expect(done).not.toHaveBeenCalled()
  })
})

describe('task timeline', () => {
  it('shows task fields readably, names the units of an issue, hides link ids and names the assignment’s unit', () => {
    const { plugins, pinia } = setupApp()
    useUnitsStore(pinia).tree = [{ id: 'u-cg', name: '体育场馆管理中心', code: 'SJ-CGZX', kind: 'AFFILIATED', active: true, children: [] }]
    const events: JournalEvent[] = [
      {
        id: 'e1',
        occurredAt: '2026-03-01T02:00:00Z',
        actorName: '李明',
        action: 'task.issued',
        entityType: 'task',
        changes: { status: { before: 'DRAFT', after: 'ISSUED' }, units: { after: [{ unitId: 'u-cg', role: 'LEAD' }, { unitId: 'u-other', role: 'COOPERATING' }] } },
      },
      {
        id: 'e2',
        occurredAt: '2026-03-02T02:00:00Z',
        actorName: '李明',
        action: 'assignment.approved',
        entityType: 'task_assignment',
        unitId: 'u-cg',
        changes: { status: { before: 'SUBMITTED', after: 'DONE' }, onTime: { after: true }, taskId: { after: 't-1' } },
      },
    ]
    const wrapper = mount(RecordTimeline, {
      props: { events, context: (event: JournalEvent) => (event.entityType === 'task_assignment' ? '体育场馆管理中心' : undefined) },
      global: { plugins },
    })
    const items = wrapper.findAll('.record-timeline__item')
    expect(items[0]?.text()).toContain('下发任务')
    expect(items[0]?.text()).toContain('状态：草稿 → 已下发')
    expect(items[0]?.text()).toContain('承办单位：体育场馆管理中心（牵头）、其他单位（配合）')
    expect(items[1]?.text()).toContain('办结')
    expect(items[1]?.find('.record-timeline__context').text()).toBe('体育场馆管理中心')
    expect(items[1]?.text()).toContain('状态：已报送 → 已办结')
    expect(items[1]?.text()).toContain('办结情况：按时办结')
    expect(items[1]?.text()).not.toContain('t-1')
  })

  it('gives today in Beijing time', () => {
    expect(todayInAppZone(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01')
    expect(todayInAppZone(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31')
  })
})
