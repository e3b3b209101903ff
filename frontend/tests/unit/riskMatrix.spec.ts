import type * as ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { initApi } from '@/api/client'
import { cellsPerLevel, changedCells, matrixCells, matrixForm, matrixRequest, scoreRange, thresholdsValid } from '@/views/risks/riskMatrix'
import { DEFAULT_LEVEL_COLOURS, type RiskMatrix } from '@/views/risks/riskModel'
import { versionParam } from '@/views/risks/useRiskMatrixPage'
import { flush, jsonResponse, setupApp, userWithRoles } from './helpers'

const { confirm } = vi.hoisted(() => ({ confirm: vi.fn() }))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: vi.fn(), success: vi.fn(), warning: vi.fn() },
  ElMessageBox: { confirm },
}))

const { default: RiskMatrixDialog } = await import('@/views/risks/RiskMatrixDialog.vue')

/** The demo matrix: 重大 ≥ 15, 较大 ≥ 10, 一般 ≥ 5. */
const MATRIX: RiskMatrix = {
  version: 3,
  likelihoodLabels: ['极少发生', '不太可能', '可能发生', '很可能', '几乎肯定'],
  impactLabels: ['轻微', '较小', '中等', '较大', '严重'],
  majorMin: 15,
  significantMin: 10,
  generalMin: 5,
  colours: { MAJOR: '#d9001b', SIGNIFICANT: '#f59a23', GENERAL: '#f7d51d', LOW: '#409eff' },
  note: '初始评分矩阵',
}

describe('matrix preview', () => {
  it('gives each of the 25 squares its level by the thresholds', () => {
    const cells = matrixCells(MATRIX)
    expect(cells).toHaveLength(25)
    expect(cells[0]).toEqual({ likelihood: 1, impact: 1, score: 1, level: 'LOW' })
    const level = (likelihood: number, impact: number) => cells.find((cell) => cell.likelihood === likelihood && cell.impact === impact)?.level
    expect(level(3, 4)).toBe('SIGNIFICANT') // 12
    expect(level(3, 5)).toBe('MAJOR') // 15: the threshold itself counts
    expect(level(1, 5)).toBe('GENERAL') // 5
    expect(level(2, 2)).toBe('LOW') // 4
    // Scores 15, 16, 20, 20, 25 (and mirrors): 6 squares are 重大.
    expect(cellsPerLevel(cells)).toEqual({ MAJOR: 6, SIGNIFICANT: 4, GENERAL: 7, LOW: 8 })
  })

  it('counts the squares that change level against the current version', () => {
    expect(changedCells(MATRIX, { majorMin: 15, significantMin: 10, generalMin: 5 })).toEqual([])
    // 重大 from 16: the two squares scoring 15 (3×5, 5×3) drop to 较大.
    const raised = changedCells(MATRIX, { majorMin: 16, significantMin: 10, generalMin: 5 })
    expect(raised.map((cell) => `${cell.likelihood}×${cell.impact}:${cell.level}`)).toEqual(['3×5:SIGNIFICANT', '5×3:SIGNIFICANT'])
    // 一般 from 3: the squares scoring 3 and 4 rise from 低.
    expect(changedCells(MATRIX, { majorMin: 15, significantMin: 10, generalMin: 3 })).toHaveLength(5)
    expect(changedCells(null, { majorMin: 16, significantMin: 10, generalMin: 5 })).toEqual([])
  })

  it('checks the thresholds as the server does and names each level’s scores', () => {
    expect(thresholdsValid({ majorMin: 15, significantMin: 10, generalMin: 5 })).toBe(true)
    expect(thresholdsValid({ majorMin: 10, significantMin: 10, generalMin: 5 })).toBe(false)
    expect(thresholdsValid({ majorMin: 15, significantMin: 4, generalMin: 5 })).toBe(false)
    expect(thresholdsValid({ majorMin: 26, significantMin: 10, generalMin: 5 })).toBe(false)
    expect(thresholdsValid({ majorMin: 15, significantMin: 10, generalMin: null })).toBe(false)
    expect(scoreRange(MATRIX, 'MAJOR')).toEqual({ min: 15, max: 25 })
    expect(scoreRange(MATRIX, 'SIGNIFICANT')).toEqual({ min: 10, max: 14 })
    expect(scoreRange(MATRIX, 'LOW')).toEqual({ min: 1, max: 4 })
  })

  it('starts the form from the current version and sends trimmed labels and valid colours', () => {
    const form = matrixForm(MATRIX, DEFAULT_LEVEL_COLOURS)
    expect(form).toMatchObject({ majorMin: 15, significantMin: 10, generalMin: 5, note: '' })
    expect(form.likelihoodLabels).toEqual(MATRIX.likelihoodLabels)
    form.impactLabels[4] = ' 特别严重 '
    form.colours.MAJOR = '#C00000'
    form.colours.LOW = 'blue'
    const body = matrixRequest(form)
    expect(body.impactLabels[4]).toBe('特别严重')
    expect(body.colours).toEqual({ MAJOR: '#c00000', SIGNIFICANT: '#f59a23', GENERAL: '#f7d51d' })
    expect(body).not.toHaveProperty('note')
    expect(matrixRequest({ ...form, note: ' 年度复核 ' }).note).toBe('年度复核')
    expect(matrixForm(null, DEFAULT_LEVEL_COLOURS).colours).toEqual(DEFAULT_LEVEL_COLOURS)
  })

  it('reads an older version from the URL', () => {
    expect(versionParam('2')).toBe(2)
    expect(versionParam(['4'])).toBe(4)
    expect(versionParam('0')).toBeUndefined()
    expect(versionParam('x')).toBeUndefined()
    expect(versionParam(undefined)).toBeUndefined()
  })
})

describe('RiskMatrixDialog', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    initApi('http://api.test')
    confirm.mockResolvedValue('confirm')
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function openDialog() {
    const { plugins } = setupApp(userWithRoles('admin'))
    const wrapper = mount(RiskMatrixDialog, { props: { modelValue: false, current: MATRIX }, global: { plugins }, attachTo: document.body })
    await wrapper.setProps({ modelValue: true })
    await flush()
    return wrapper
  }

  const preview = () => document.querySelector('[data-testid="matrix-preview-changes"]')

  it('previews the levels of new thresholds and publishes them', async () => {
    fetchMock = vi.fn(() => Promise.resolve(jsonResponse({ ...MATRIX, version: 4 }, 201)))
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = await openDialog()
    expect(preview()?.getAttribute('data-count')).toBe('0')
    expect(preview()?.textContent).toContain('与第 3 版相比，各方格的风险等级不变')

    const inputs = wrapper.findAllComponents({ name: 'ElInputNumber' })
    await inputs[0]?.vm.$emit('update:modelValue', 16)
    await flush()
    expect(preview()?.getAttribute('data-count')).toBe('2')
    expect(document.querySelectorAll('[data-testid="matrix-preview"] [data-changed="true"]')).toHaveLength(2)

    ;(document.querySelector('[data-testid="matrix-form-submit"]') as HTMLButtonElement).click()
    await flush()
    expect(confirm).toHaveBeenCalledOnce()
    const request = fetchMock.mock.calls[0]?.[0] as Request
    expect(request.method).toBe('POST')
    expect(new URL(request.url).pathname).toBe('/api/v1/risk-matrix')
    expect(await request.json()).toMatchObject({ majorMin: 16, significantMin: 10, generalMin: 5, likelihoodLabels: MATRIX.likelihoodLabels })
    expect(wrapper.emitted('published')?.[0]?.[0]).toMatchObject({ version: 4 })
  })

  it('puts the server’s field errors on the fields', async () => {
    fetchMock = vi.fn(() =>
      Promise.resolve(
        jsonResponse(
          {
            status: 400,
            code: 'validation',
            title: 'Bad Request',
            violations: [
              { field: 'impactLabels[2]', message: '不能为空' },
              { field: 'significantMin', message: '分级阈值须满足 一般 < 较大 < 重大' },
            ],
          },
          400,
        ),
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = await openDialog()
    ;(document.querySelector('[data-testid="matrix-form-submit"]') as HTMLButtonElement).click()
    await flush()
    const errors = wrapper
      .findAllComponents({ name: 'ElFormItem' })
      .map((item) => [item.props('label'), item.props('error')])
      .filter(([, error]) => error !== undefined)
    expect(errors).toEqual([
      ['分级名称', '影响程度 3：不能为空'],
      ['分级阈值', '分级阈值须满足 一般 < 较大 < 重大'],
    ])
    expect(document.querySelectorAll('.el-form-item.is-error')).toHaveLength(2)
    expect(wrapper.emitted('published')).toBeUndefined()
  })
})
