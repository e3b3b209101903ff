import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectBlocked, login, screenshot, uniqueCode } from './helpers'

// One problem goes from registration to 销号: each test picks up where the previous one left it.
test.describe.configure({ mode: 'serial' })

const stamp = uniqueCode('R').slice(-6)
const title = `E2E整改问题${stamp}（场馆值班制度落实不到位）`
const measureOne = `修订场馆值班制度并组织学习（${stamp}）`
const measureTwo = `更换值班登记系统（${stamp}）`
const waiveReason = `登记系统由局统一采购，本单位免于执行（${stamp}）`
const rejectReason = `缺少学习记录签到表，请补充后再申请（${stamp}）`
const opinion = `整改措施落实到位，同意销号（${stamp}）`
const measureFile = `值班制度${stamp}.pdf`
const extraFile = `学习签到表${stamp}.pdf`

/** A small but real PDF: the server sniffs the bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)

let itemPath = ''

function dateInDays(days: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted)
}

async function success(page: Page, text: string): Promise<void> {
  await expect(page.locator('.el-message--success').filter({ hasText: text }).first()).toBeVisible()
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

/** Confirms the open message box (confirm or prompt), filling the prompt's text first when given. */
async function confirmBox(page: Page, text?: string): Promise<void> {
  const box = page.locator('.el-message-box')
  await expect(box).toBeVisible()
  if (text !== undefined) await box.locator('textarea').fill(text)
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expect(box).toBeHidden()
}

function measureRow(page: Page, text: string): Locator {
  return page.getByTestId('rect-measure-table').locator('.el-table__row').filter({ hasText: text })
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await expect(page.getByTestId('rect-status')).toHaveText(label)
}

test('a supervisor registers a problem with two measures', async ({ page }) => {
  await login(page, 'jiandu', '/rectifications')
  await expect(page).toHaveTitle('整改台账 - 清风')
  await expect(page.getByTestId('rect-table')).toBeVisible()
  await page.getByTestId('rect-create').click()
  const dialog = page.getByTestId('rect-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('rect-form-title').fill(title)
  await dialog.getByTestId('rect-form-description').fill('巡察发现夜间值班记录缺失。')
  await pickOption(page, dialog.getByTestId('rect-form-source'), '巡察')
  await pickOption(page, dialog.getByTestId('rect-form-category'), '作风')
  await dialog.getByTestId('rect-form-severity').getByText('较重').click()
  await dialog.getByTestId('rect-form-unit').click()
  await page.locator('.el-select-dropdown:visible .el-tree-node__content').filter({ hasText: '体育场馆管理中心' }).first().click()
  await dialog.getByTestId('rect-form-leader').fill('王局长')
  await dialog.getByTestId('rect-form-person').fill('李主任')
  const deadline = dialog.getByLabel('整改时限')
  await deadline.fill(dateInDays(30))
  await deadline.press('Enter')
  await dialog.getByTestId('rect-form-add-measure').click()
  await dialog.getByTestId('rect-form-add-measure').click()
  const contents = dialog.getByTestId('rect-form-measure-content')
  await contents.nth(0).fill(measureOne)
  await contents.nth(1).fill(measureTwo)
  await screenshot(page, '40-rect-create-dialog')
  await dialog.getByTestId('rect-form-submit').click()

  await expect(page).toHaveURL(/\/rectifications\/[0-9a-f-]{36}$/)
  itemPath = new URL(page.url()).pathname
  await expect(page.getByTestId('rect-title')).toHaveText(title)
  await expectStatus(page, '待整改')
  await expect(measureRow(page, measureOne)).toContainText('未完成')
  await expect(measureRow(page, measureTwo)).toContainText('未完成')
  await expect(page.getByTestId('rect-start')).toHaveCount(0)
})

test('the supervisor corrects the responsible person before work starts', async ({ page }) => {
  await login(page, 'jiandu', itemPath)
  await page.getByTestId('rect-edit').click()
  const dialog = page.getByTestId('rect-edit-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('rect-edit-title')).toHaveValue(title)
  await dialog.getByLabel('责任人').fill('刘洋')
  await dialog.getByTestId('rect-edit-submit').click()
  await success(page, '已保存')
  await expect(page.getByTestId('rect-detail-person')).toHaveText('刘洋')
})

test('the unit officer starts, completes one measure with evidence, waives the other and applies', async ({ page }) => {
  await login(page, 'cg_officer', itemPath)
  await expectStatus(page, '待整改')
  await page.getByTestId('rect-start').click()
  await confirmBox(page)
  await success(page, '已开始整改')
  await expectStatus(page, '整改中')
  // Both measures are open: 申请销号 is shown disabled, saying why, before anyone clicks it.
  await expectBlocked(page, page.getByTestId('rect-apply'), '还有 2 项整改措施未完成')
  await expect(page.getByTestId('rect-open-measures')).toContainText('还有 2 项整改措施未完成')

  await measureRow(page, measureOne).locator('.el-table__expand-icon').click()
  const evidence = page.getByTestId('rect-measure-evidence').first()
  await evidence.getByTestId('attachment-input').setInputFiles({ name: measureFile, mimeType: 'application/pdf', buffer: PDF })
  await expect(evidence.locator('.el-table')).toContainText(measureFile)
  await measureRow(page, measureOne).getByTestId('rect-measure-done').click()
  await expect(measureRow(page, measureOne)).toContainText('已完成')

  await measureRow(page, measureTwo).getByTestId('rect-measure-waive').click()
  await confirmBox(page, waiveReason)
  await expect(measureRow(page, measureTwo)).toContainText('免于执行')
  await expect(measureRow(page, measureTwo)).toContainText(waiveReason)

  await expect(page.getByTestId('rect-apply')).toBeEnabled()
  await expect(page.getByTestId('rect-open-measures')).toHaveCount(0)
  await page.getByTestId('rect-apply').click()
  await confirmBox(page)
  await success(page, '已申请销号')
  await expectStatus(page, '申请销号')
  // From 申请销号 on, the measures are what is being verified: the server offers no measure change
  // (blocked by the item's state), so no measure button is shown at all.
  await expect(page.getByTestId('rect-measure-done')).toHaveCount(0)
  await expect(page.getByTestId('rect-measure-waive')).toHaveCount(0)
  await screenshot(page, '41-rect-applied')
})

test('another supervisor rejects the application with a reason', async ({ page }) => {
  await login(page, 'jiandu2', itemPath)
  await expectStatus(page, '申请销号')
  await page.getByTestId('rect-reject').click()
  await confirmBox(page, rejectReason)
  await success(page, '已退回整改')
  await expectStatus(page, '整改中')
  await expect(page.getByTestId('rect-rejection')).toContainText(rejectReason)
})

test('the unit officer adds evidence and applies again', async ({ page }) => {
  await login(page, 'cg_officer', itemPath)
  await expect(page.getByTestId('rect-rejection')).toContainText(rejectReason)
  const evidence = page.getByTestId('rect-evidence')
  await evidence.getByTestId('attachment-input').setInputFiles({ name: extraFile, mimeType: 'application/pdf', buffer: PDF })
  await expect(evidence.locator('.el-table')).toContainText(extraFile)
  await page.getByTestId('rect-apply').click()
  await confirmBox(page)
  await expectStatus(page, '申请销号')
})

test('the supervisor verifies and the item shows 已销号 with the frozen evidence', async ({ page }) => {
  await login(page, 'jiandu2', itemPath)
  await page.getByTestId('rect-verify').click()
  const form = page.getByTestId('rect-verify-form')
  await form.getByTestId('rect-verify-opinion').fill(opinion)
  await expect(form.getByLabel('核验日期')).toHaveValue(dateInDays(0))
  await form.getByTestId('rect-verify-submit').click()
  await confirmBox(page)
  await success(page, '已销号')
  await expectStatus(page, '已销号')
  const closure = page.getByTestId('rect-closure').first()
  await expect(closure.getByTestId('rect-closure-opinion')).toContainText(opinion)
  const frozen = closure.getByTestId('rect-closure-evidence')
  await expect(frozen).toContainText(measureFile)
  await expect(frozen).toContainText(extraFile)
  await expect(frozen).toContainText(/[0-9a-f]{64}/)
  await expect(page.getByTestId('rect-reopen')).toBeVisible()
  await expect(page.getByTestId('rect-timeline')).toBeVisible()
  await screenshot(page, '42-rect-closed')
})
