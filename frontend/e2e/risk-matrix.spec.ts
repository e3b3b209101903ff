import { expect, test, type Locator, type Page } from '@playwright/test'
import { apiAs, login, menuTexts, screenshot, uniqueCode } from './helpers'

// The admin publishes a new version of the scoring matrix with the SAME thresholds (only the note
// differs), so no grade any other spec relies on changes level.
test.describe.configure({ mode: 'serial' })

interface Matrix {
  version: number
  majorMin: number
  significantMin: number
  generalMin: number
  note?: string
}

const note = `E2E 年度复核评分矩阵，分级阈值不变（${uniqueCode('M').slice(-6)}）`

async function currentMatrix(): Promise<Matrix> {
  const admin = await apiAs('admin')
  try {
    const response = await admin.get('/api/v1/risk-matrix')
    expect(response.ok()).toBe(true)
    return (await response.json()) as Matrix
  } finally {
    await admin.dispose()
  }
}

async function setNumber(input: Locator, value: number): Promise<void> {
  const field = input.locator('input')
  await field.fill(String(value))
  await field.press('Enter')
}

async function confirmBox(page: Page): Promise<void> {
  const box = page.locator('.el-message-box')
  await expect(box).toBeVisible()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expect(box).toBeHidden()
}

/** A 重大 threshold that moves at least one square (scores are products 1–5 × 1–5, so 14 moves none). */
function movedMajor(matrix: Matrix): number {
  const scores = new Set([1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((impact) => likelihood * impact)))
  for (let value = matrix.significantMin + 1; value <= 25; value += 1) {
    if (value === matrix.majorMin) continue
    const [low, high] = value < matrix.majorMin ? [value, matrix.majorMin] : [matrix.majorMin, value]
    if ([...scores].some((score) => score >= low && score < high)) return value
  }
  throw new Error('no threshold moves a square')
}

function historyRow(page: Page, version: number): Locator {
  return page.getByTestId('matrix-history').locator('.el-table__row').filter({ has: page.locator(`[data-version="${version}"]`) })
}

test('the admin publishes version N+1 with the same thresholds and a new note', async ({ page }) => {
  const before = await currentMatrix()
  const next = before.version + 1

  await login(page, 'admin', '/risks')
  await page.getByTestId('risk-matrix-link').click()
  await expect(page).toHaveURL(/\/risk-matrix$/)
  await expect(page).toHaveTitle('评分矩阵 - 清风')
  await expect(page.getByTestId('matrix-version')).toHaveText(`第 ${before.version} 版`)
  await expect(page.getByTestId('matrix-version-state')).toHaveText('当前版本')
  await expect(page.getByTestId('matrix-regrade-hint')).toContainText('按新矩阵重评')
  const grid = page.getByTestId('matrix-grid')
  await expect(grid.getByTestId('matrix-cell')).toHaveCount(25)
  await expect(grid.locator('[data-likelihood="5"][data-impact="5"]')).toHaveAttribute('data-level', 'MAJOR')
  await expect(grid.locator('[data-likelihood="1"][data-impact="1"]')).toHaveAttribute('data-level', 'LOW')

  await page.getByTestId('matrix-publish').click()
  const dialog = page.getByTestId('matrix-dialog')
  await expect(dialog).toBeVisible()
  // The form starts as a copy of the current version.
  await expect(dialog.getByTestId('matrix-form-major').locator('input')).toHaveValue(String(before.majorMin))
  await expect(dialog.getByTestId('matrix-form-likelihood-3')).not.toHaveValue('')
  const changes = dialog.getByTestId('matrix-preview-changes')
  await expect(changes).toHaveAttribute('data-count', '0')

  // A threshold moved shows in the preview at once; moved back, nothing changes.
  const moved = movedMajor(before)
  await setNumber(dialog.getByTestId('matrix-form-major'), moved)
  await expect(changes).not.toHaveAttribute('data-count', '0')
  await expect(dialog.getByTestId('matrix-preview').locator('[data-changed="true"]').first()).toBeVisible()
  await screenshot(page, '58-risk-matrix-preview')
  await setNumber(dialog.getByTestId('matrix-form-major'), before.majorMin)
  await expect(changes).toHaveAttribute('data-count', '0')
  await expect(changes).toContainText(`与第 ${before.version} 版相比，各方格的风险等级不变`)

  await dialog.getByTestId('matrix-form-note').fill(note)
  await dialog.getByTestId('matrix-form-submit').click()
  await confirmBox(page)
  await expect(page.locator('.el-message--success').filter({ hasText: `评分矩阵第 ${next} 版已发布` }).first()).toBeVisible()

  await expect(page.getByTestId('matrix-version')).toHaveText(`第 ${next} 版`)
  await expect(page.getByTestId('matrix-note')).toHaveText(note)
  await expect(historyRow(page, next)).toContainText('当前版本')
  await expect(historyRow(page, next)).toContainText(note)
  await expect(historyRow(page, before.version)).toBeVisible()
  await screenshot(page, '59-risk-matrix')

  // The previous version stays readable from the history.
  await historyRow(page, before.version).getByTestId('matrix-history-view').click()
  await expect(page).toHaveURL(new RegExp(`/risk-matrix\\?version=${before.version}$`))
  await expect(page.getByTestId('matrix-version')).toHaveText(`第 ${before.version} 版`)
  await expect(page.getByTestId('matrix-version-state')).toHaveText('历史版本')
  await expect(page.getByTestId('matrix-note')).toHaveText(before.note ?? '—')
  await page.getByTestId('matrix-back-to-current').click()
  await expect(page.getByTestId('matrix-version')).toHaveText(`第 ${next} 版`)

  const after = await currentMatrix()
  expect(after.version).toBe(next)
  expect([after.majorMin, after.significantMin, after.generalMin]).toEqual([before.majorMin, before.significantMin, before.generalMin])
})

test('a supervisor has no 评分矩阵 entry and gets the 403 page', async ({ page }) => {
  await login(page, 'jiandu', '/risks')
  expect(await menuTexts(page)).not.toContain('评分矩阵')
  await expect(page.getByTestId('risk-thresholds')).toBeVisible()
  await expect(page.getByTestId('risk-matrix-link')).toBeHidden()
  await page.goto('/risk-matrix')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page).toHaveTitle('无权访问 - 清风')
})
