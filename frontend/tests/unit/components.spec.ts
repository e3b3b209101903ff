import type * as ElementPlus from 'element-plus'
import type * as Attachments from '@/api/attachments'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { ApiError } from '@/api/problem'
import { initApi } from '@/api/client'
import FilterSelect from '@/components/FilterSelect.vue'
import StatusTag from '@/components/StatusTag.vue'
import UnitTreeSelect from '@/components/UnitTreeSelect.vue'
import RecordTimeline, { type JournalEvent } from '@/components/RecordTimeline.vue'
import { statusTagStyle } from '@/components/status'
import { setLocale } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import { deferred, flush, jsonResponse, setupApp, userWithRoles } from './helpers'

const { uploadAttachment, messageError, messageSuccess } = vi.hoisted(() => ({
  uploadAttachment: vi.fn(),
  messageError: vi.fn(),
  messageSuccess: vi.fn(),
}))
vi.mock('@/api/attachments', async (importOriginal) => ({
  ...(await importOriginal<typeof Attachments>()),
  uploadAttachment,
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, success: messageSuccess, warning: vi.fn() },
}))

const { default: AttachmentPanel } = await import('@/components/AttachmentPanel.vue')

beforeEach(() => {
  uploadAttachment.mockReset()
  messageError.mockReset()
  messageSuccess.mockReset()
})

describe('StatusTag', () => {
  it('uses one colour per kind of state', () => {
    expect(statusTagStyle('ACTIVE')).toEqual({ type: 'success' })
    expect(statusTagStyle('INACTIVE')).toEqual({ type: 'info' })
    expect(statusTagStyle('IN_PROGRESS')).toEqual({ type: 'primary' })
    expect(statusTagStyle('PENDING')).toEqual({ type: 'warning' })
    expect(statusTagStyle('OVERDUE')).toEqual({ type: 'danger' })
    expect(statusTagStyle('SOMETHING_NEW')).toEqual({ type: 'info' })
    expect(statusTagStyle('RED')).toEqual({ type: 'info', color: '#d9001b' })
  })

  it('renders the translated label with the colour', async () => {
    const { plugins } = setupApp()
    const wrapper = mount(StatusTag, { props: { status: 'ACTIVE' }, global: { plugins } })
    expect(wrapper.text()).toBe('启用')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--success')

    setLocale('en')
    await flush()
    expect(wrapper.text()).toBe('Active')

    await wrapper.setProps({ status: 'ORANGE' })
    expect(wrapper.text()).toBe('Significant')
    expect(wrapper.find('.el-tag').attributes('style')).toContain('background-color: #f56c00')

    await wrapper.setProps({ status: 'UNKNOWN_CODE' })
    expect(wrapper.text()).toBe('UNKNOWN_CODE') // unknown codes stay readable
  })
})

describe('shared filter controls', () => {
  const TREE = [{ id: 'u1', code: 'SJ', name: '市体育局', active: true, children: [{ id: 'u2', code: 'SJ-BGS', name: '办公室', active: true, children: [] }] }]

  it('picks a unit from the tree and clears to an empty filter', async () => {
    const { plugins } = setupApp()
    const wrapper = mount(UnitTreeSelect, {
      props: { modelValue: 'u2', data: TREE, clearable: true, placeholder: '全部' },
      attrs: { 'data-testid': 'x-filter-unit', style: 'width: 200px' },
      global: { plugins },
    })
    const tree = wrapper.findComponent({ name: 'ElTreeSelect' })
    expect(tree.props('nodeKey')).toBe('id')
    expect(tree.props('checkStrictly')).toBe(true)
    expect(tree.props('defaultExpandAll')).toBe(true)
    expect(wrapper.find('[data-testid="x-filter-unit"]').exists()).toBe(true)
    tree.vm.$emit('update:modelValue', undefined)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([''])
    tree.vm.$emit('update:modelValue', 'u1')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['u1'])
  })

  it('labels a filter select (全部 when empty) and clears to an empty filter', () => {
    const { plugins } = setupApp()
    const wrapper = mount(FilterSelect, {
      props: { modelValue: 'OPEN', label: '状态', options: [{ value: 'OPEN', label: '待整改' }], width: '110px', testId: 'x-filter-status' },
      global: { plugins },
    })
    expect(wrapper.find('.el-form-item__label').text()).toBe('状态')
    const select = wrapper.findComponent({ name: 'ElSelect' })
    expect(select.props('placeholder')).toBe('全部')
    expect(select.props('modelValue')).toBe('OPEN')
    expect(select.props('clearable')).toBe(true)
    expect(wrapper.find('[data-testid="x-filter-status"]').exists()).toBe(true)
    select.vm.$emit('update:modelValue', null)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([''])
  })
})

describe('RecordTimeline', () => {
  const events: JournalEvent[] = [
    {
      seq: 2,
      id: 'e2',
      occurredAt: '2026-03-01T02:00:00Z',
      actorName: '张伟',
      action: 'unit.updated',
      changes: { name: { before: '旧名称', after: '新名称' } },
    },
    {
      seq: 1,
      id: 'e1',
      occurredAt: '2026-02-28T16:30:00Z',
      action: 'unit.created',
      changes: { kind: { after: 'BRANCH' }, parentId: { after: 'p-1' }, code: { after: 'SJ-X' } },
    },
  ]

  it('shows each event with its label, actor, Beijing time and readable changes', () => {
    const { plugins, pinia } = setupApp()
    useUnitsStore(pinia).tree = [{ id: 'p-1', name: '市体育局', code: 'SJ', kind: 'BUREAU', active: true, children: [] }]
    const wrapper = mount(RecordTimeline, { props: { events }, global: { plugins } })
    const items = wrapper.findAll('.record-timeline__item')
    expect(items).toHaveLength(2)
    expect(items[0]?.text()).toContain('修改单位')
    expect(items[0]?.text()).toContain('张伟')
    expect(items[0]?.text()).toContain('2026-03-01 10:00:00')
    expect(items[0]?.text()).toContain('名称：旧名称 → 新名称')
    expect(items[1]?.text()).toContain('系统') // no actor: the system did it
    expect(items[1]?.text()).toContain('2026-03-01 00:30:00')
    expect(items[1]?.text()).toContain('类型：党支部')
    expect(items[1]?.text()).toContain('上级单位：市体育局')
    expect(items[1]?.text()).toContain('编码：SJ-X')
  })

  it('shows an empty state', () => {
    const { plugins } = setupApp()
    const wrapper = mount(RecordTimeline, { props: { events: [] }, global: { plugins } })
    expect(wrapper.text()).toContain('暂无记录')
  })
})

describe('AttachmentPanel', () => {
  const fetchMock = vi.fn<(request: Request) => Promise<Response>>()

  beforeEach(() => {
    initApi('http://api.test')
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockReset()
    fetchMock.mockImplementation(async () =>
      jsonResponse({ items: [{ id: 'a1', filename: '责任书.pdf', sizeBytes: 2048, uploadedByName: '刘洋', uploadedAt: '2026-03-01T02:00:00Z', version: 0 }] }),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  function mountPanel() {
    const { plugins } = setupApp(userWithRoles('unit_officer'))
    return mount(AttachmentPanel, {
      props: { ownerType: 'UNIT', ownerId: 'u-1', canUpload: true },
      global: { plugins },
      attachTo: document.body,
    })
  }

  function file(name: string, size: number): File {
    const result = new File(['x'], name)
    Object.defineProperty(result, 'size', { value: size })
    return result
  }

  it('shows the limits before any upload and lists the files', async () => {
    const wrapper = mountPanel()
    await flush()
    expect(wrapper.get('[data-testid="attachment-limits"]').text()).toBe(
      '支持 pdf、ofd、docx、xlsx、doc、xls、jpg、png、zip，单个文件不超过 20 MB',
    )
    expect(wrapper.get('[data-testid="attachment-input"]').attributes('accept')).toContain('.ofd')
    expect(wrapper.text()).toContain('责任书.pdf')
    expect(wrapper.text()).toContain('2.0 KB')
    const url = new URL(fetchMock.mock.calls[0]?.[0].url ?? '')
    expect(url.searchParams.get('ownerType')).toBe('UNIT')
    expect(url.searchParams.get('ownerId')).toBe('u-1')
    wrapper.unmount()
  })

  it('refuses files over 20 MB and of other types before uploading', async () => {
    const wrapper = mountPanel()
    await flush()
    const panel = wrapper.vm as unknown as { uploadFiles: (files: File[]) => Promise<void> }
    await panel.uploadFiles([file('扫描件.pdf', 20 * 1024 * 1024 + 1), file('setup.exe', 10), file('空.docx', 0)])
    expect(uploadAttachment).not.toHaveBeenCalled()
    const messages = messageError.mock.calls.map(([options]) => (options as { message: string }).message)
    expect(messages).toEqual([
      '“扫描件.pdf”超过 20 MB，请压缩或拆分后再上传',
      '“setup.exe”的类型不被接受，仅支持 pdf、ofd、docx、xlsx、doc、xls、jpg、png、zip',
      '“空.docx”是空文件',
    ])
    wrapper.unmount()
  })

  it('uploads an accepted file with a progress bar, then refreshes the list', async () => {
    const answer = deferred<unknown>()
    let report: ((percent: number) => void) | undefined
    uploadAttachment.mockImplementation((request: { onProgress?: (percent: number) => void }) => {
      report = request.onProgress
      return { promise: answer.promise, abort: vi.fn() }
    })
    const wrapper = mountPanel()
    await flush()
    const panel = wrapper.vm as unknown as { uploadFiles: (files: File[]) => Promise<void> }
    const uploading = panel.uploadFiles([file('照片.JPG', 20 * 1024 * 1024)])
    await flush()
    expect(uploadAttachment).toHaveBeenCalledWith(expect.objectContaining({ ownerType: 'UNIT', ownerId: 'u-1' }))
    report?.(42)
    await flush()
    expect(wrapper.get('[data-testid="attachment-progress"]').text()).toContain('42%')

    answer.resolve({ id: 'a2', filename: '照片.JPG' })
    await uploading
    expect(messageSuccess).toHaveBeenCalledWith('已上传 照片.JPG')
    expect(wrapper.emitted('uploaded')).toHaveLength(1)
    expect(fetchMock).toHaveBeenCalledTimes(2) // list reloaded
    wrapper.unmount()
  })

  it("shows the server's refusal (413 / 415)", async () => {
    uploadAttachment.mockImplementation(() => ({
      promise: Promise.reject(new ApiError(415, { type: 't', title: 'Unsupported', status: 415, code: 'attachment.type-mismatch', detail: '文件扩展名 .pdf 与文件内容（png）不符' })),
      abort: vi.fn(),
    }))
    const wrapper = mountPanel()
    await flush()
    const panel = wrapper.vm as unknown as { uploadFiles: (files: File[]) => Promise<void> }
    await panel.uploadFiles([file('伪装.pdf', 100)])
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '文件类型不被接受：文件扩展名 .pdf 与文件内容（png）不符' }))
    expect(wrapper.get('[data-testid="attachment-progress"]').text()).toContain('伪装.pdf 上传失败')

    uploadAttachment.mockImplementation(() => ({
      promise: Promise.reject(new ApiError(413, { type: 't', title: 'Too large', status: 413, code: 'attachment.too-large', detail: '文件超过 20 MB' })),
      abort: vi.fn(),
    }))
    await panel.uploadFiles([file('大.zip', 100)])
    expect(messageError).toHaveBeenLastCalledWith(expect.objectContaining({ message: '文件过大，已被服务器拒绝：文件超过 20 MB' }))
    wrapper.unmount()
  })
})
