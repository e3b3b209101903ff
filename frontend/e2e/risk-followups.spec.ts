import { expect, test, type Locator, type Page } from '@playwright/test'
import { login, screenshot, uniqueCode } from './helpers'

// A supervisor turns a review's decision into a rectification item and a supervision task; each
// shows where it came from and the review lists it. Demo risk FX-…: the secrecy risk of 办公室.
test.describe.configure({ mode: 'serial' })

const RISK_NAME = '违规使用图文小程序识别、传输、处理涉密文件'
const stamp = uniqueCode('F').slice(-6)

let riskPath = ''

function dateInDays(days: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted)
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

/** The newest review (listed first) on the risk's 研判记录 tab. */
async function newestReview(page: Page): Promise<Locator> {
  await page.getByTestId('risk-tabs').locator('.el-tabs__item').filter({ hasText: '研判记录' }).click()
  const review = page.getByTestId('risk-reviews').getByTestId('risk-review').first()
  await expect(review).toBeVisible()
  return review
}

test('a supervisor opens a rectification item from the newest review, and it links back', async ({ page }) => {
  await login(page, 'jiandu', '/risks')
  await page.getByTestId('risk-filter-q').fill('图文小程序')
  await page.getByTestId('risk-search').click()
  await page.getByTestId('risk-name-link').filter({ hasText: RISK_NAME }).click()
  await expect(page).toHaveURL(/\/risks\/[0-9a-f-]{36}/)
  riskPath = new URL(page.url()).pathname
  const code = (await page.getByTestId('risk-code').innerText()).trim()

  const review = await newestReview(page)
  const reviewedOn = (await review.innerText()).match(/研判日期：(\d{4}-\d{2}-\d{2})/)?.[1] ?? ''
  expect(reviewedOn).not.toBe('')
  await review.getByTestId('risk-review-open-rect').click()

  const dialog = page.getByTestId('rect-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('rect-form-origin')).toHaveText(`${code} ${RISK_NAME}（研判 ${reviewedOn}）`)
  // Prefilled from the risk and the review: its unit, and the conclusion's first sentence as title.
  await expect(dialog.getByTestId('rect-form-unit')).toContainText('办公室')
  const conclusion = (await review.getByTestId('risk-review-conclusion').innerText()).trim()
  const prefilled = await dialog.getByTestId('rect-form-title').inputValue()
  expect(prefilled).not.toBe('')
  expect(conclusion.startsWith(prefilled.replace(/…$/, ''))).toBe(true)
  await expect(dialog.getByTestId('rect-form-category')).toContainText('保密')
  const title = `${prefilled}（${stamp}）`
  await dialog.getByTestId('rect-form-title').fill(title)
  const deadline = dialog.getByLabel('整改时限')
  if ((await deadline.inputValue()) === '') {
    await deadline.fill(dateInDays(30))
    await deadline.press('Enter')
  }
  await screenshot(page, '60-risk-review-rect-dialog')
  await dialog.getByTestId('rect-form-submit').click()

  await expect(page).toHaveURL(/\/rectifications\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('rect-title')).toHaveText(title)
  const itemCode = (await page.getByTestId('rect-code').innerText()).trim()
  const origin = page.getByTestId('rect-origin')
  await expect(origin).toContainText('来源记录：')
  await expect(origin).toContainText(code)
  await expect(origin).toContainText(`研判 ${reviewedOn}`)
  await screenshot(page, '61-rect-from-review')

  await page.getByTestId('rect-origin-link').click()
  await expect(page).toHaveURL(new RegExp(`${riskPath}\\?tab=reviews$`))
  await expect(page.getByTestId('risk-tabs').locator('.el-tabs__item.is-active')).toContainText('研判记录')
  const links = page.getByTestId('risk-reviews').getByTestId('risk-review').first().getByTestId('risk-review-links')
  await expect(links).toContainText(`${itemCode} ${title}`)
})

test('the supervisor starts a supervision task from the same review', async ({ page }) => {
  await login(page, 'jiandu', `${riskPath}?tab=reviews`)
  const review = await newestReview(page)
  await review.getByTestId('risk-review-open-task').click()
  const dialog = page.getByTestId('task-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('task-form-origin')).toContainText(RISK_NAME)
  await expect(dialog.getByTestId('task-form-basis')).toHaveValue(/研判/)
  const title = `${await dialog.getByTestId('task-form-title').inputValue()}（${stamp}）`
  await dialog.getByTestId('task-form-title').fill(title)
  await pickOption(page, dialog.getByTestId('task-form-category'), '监督检查')
  await dialog.getByTestId('task-form-submit').click()

  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('task-title')).toHaveText(title)
  await expect(page.getByTestId('task-origin')).toContainText(RISK_NAME)
  await page.getByTestId('task-origin-link').click()
  await expect(page).toHaveURL(new RegExp(`${riskPath}\\?tab=reviews$`))
  await expect(page.getByTestId('risk-reviews').getByTestId('risk-review').first().getByTestId('risk-review-links')).toContainText(title)
})
