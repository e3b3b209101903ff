import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { login, screenshot, shanghaiDate, uniqueCode } from './helpers'
import { readZip } from './xlsx'

const stamp = uniqueCode('BG').slice(-6)
const editedText = `E2E修改的学习段落（${stamp}）：本期局党组坚持第一议题制度，组织党风廉政主题学习，深化理论武装。`
const PART_HEADINGS = ['一、工作开展情况', '二、存在的问题', '三、防范化解风险的措施']

/** The current half-year in words, as the dialog's default and the report's title name it. */
function currentHalfYear(): string {
  const [year = '', month = '1'] = shanghaiDate(new Date()).split('-')
  return `${year}年${Number(month) <= 6 ? '上半年' : '下半年'}`
}

async function success(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.locator('.el-message--success').filter({ hasText: text }).first()).toBeVisible()
}

function section(page: Page, key: string): Locator {
  return page.locator(`[data-testid="report-section"][data-key="${key}"]`)
}

test('a supervisor drafts the half-year report, edits a paragraph, refreshes the data and exports Word', async ({ page }) => {
  await login(page, 'jiandu', '/reports')
  await expect(page).toHaveTitle('工作报告 - 清风')
  await expect(page.getByTestId('menu-reports')).toBeVisible()

  // 起草报告: the current half-year is the default period.
  await page.getByTestId('report-create').click()
  const dialog = page.getByTestId('report-create-dialog')
  await expect(dialog).toBeVisible()
  const period = currentHalfYear()
  await expect(dialog.getByTestId('report-create-preview')).toHaveText(`将起草${period}的工作开展情况报告。`)
  await dialog.getByTestId('report-create-submit').click()
  await success(page, '报告已起草')
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('report-title')).toHaveText(`${period}全面从严治党工作开展情况报告`)
  await expect(page.getByTestId('report-part-heading')).toHaveText(PART_HEADINGS)
  const reportUrl = page.url()

  // A figure opens its sources; 查看全部 leads to the list it was counted from.
  const study = section(page, 'work.study')
  await expect(study.getByTestId('report-figure').first()).toContainText('党风廉政主题学习')
  await study.getByTestId('report-figure').first().click()
  const drawer = page.getByTestId('figure-drawer')
  await expect(drawer).toContainText('党风廉政主题学习（次）')
  await drawer.locator('.el-drawer__close-btn').click()
  await expect(drawer).toBeHidden()

  // The paragraph 强化理论武装 is edited on its own and saved.
  await expect(study.getByTestId('report-section-edited')).toHaveCount(0)
  await study.getByTestId('report-section-edit').click()
  await study.getByTestId('report-section-input').fill(editedText)
  await study.getByTestId('report-section-save').click()
  await success(page, '段落已保存')
  await expect(study.getByTestId('report-section-text')).toHaveText(`（一）强化理论武装，筑牢政治忠诚。${editedText}`)
  await expect(study.getByTestId('report-section-edited')).toHaveText('已修改')
  await screenshot(page, '40-report-edited')

  // Saved on the server: a reload shows the edit.
  await page.reload()
  await expect(page.getByTestId('report-title')).toBeVisible()
  expect(page.url()).toBe(reportUrl)
  await expect(section(page, 'work.study').getByTestId('report-section-text')).toContainText(editedText)

  // 刷新数据 drafts the figures again; the edited paragraph keeps the author's text.
  await page.getByTestId('report-refresh').click()
  await success(page, /数据已刷新/)
  await expect(section(page, 'work.study').getByTestId('report-section-text')).toContainText(editedText)
  await expect(section(page, 'work.study').getByTestId('report-section-edited')).toBeVisible()

  // 导出 Word: a real .docx holding the edited paragraph under the three parts.
  const downloading = page.waitForEvent('download')
  await page.getByTestId('report-export-docx').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.docx$/)
  const path = await download.path()
  const bytes = readFileSync(path)
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  const documentXml = readZip(bytes).find((entry) => entry.name === 'word/document.xml')?.data.toString('utf8') ?? ''
  expect(documentXml).toContain(editedText)
  for (const heading of PART_HEADINGS) expect(documentXml).toContain(heading)
  await success(page, /已导出/)

  // 历史版本: drafted, edited, refreshed; the edited version reads as it was saved.
  await page.getByTestId('report-history').click()
  const history = page.getByTestId('revision-drawer')
  await expect(history.getByTestId('revision-row')).toHaveCount(3)
  await expect(history.getByTestId('revision-row').first()).toContainText('刷新数据')
  await history.getByTestId('revision-row').nth(1).click()
  await expect(history.getByTestId('revision-document')).toContainText(editedText)
  await screenshot(page, '41-report-history')
})

test('an admin downloads the Word template, puts it back as a custom one and resets to the built-in one', async ({ page }) => {
  await login(page, 'admin', '/reports')
  const card = page.getByTestId('report-template')
  await expect(card.getByTestId('report-template-kind')).toHaveText('内置模板')
  await expect(card.getByTestId('report-template-placeholders')).toContainText('{{part:WORK}}')

  const downloading = page.waitForEvent('download')
  await card.getByTestId('report-template-download').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.docx$/)
  const bytes = readFileSync(await download.path())
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  // The same document uploaded as is: the bytes go unchanged, so the server accepts it.
  await card.getByTestId('report-template-file').setInputFiles({ name: `模板${stamp}.docx`, mimeType: 'application/octet-stream', buffer: bytes })
  await success(page, '报告模板已更新')
  await expect(card.getByTestId('report-template-kind')).toHaveText('自定义模板')
  await expect(card.getByTestId('report-template-name')).toHaveText(`模板${stamp}.docx`)

  await card.getByTestId('report-template-reset').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await success(page, '已恢复内置模板')
  await expect(card.getByTestId('report-template-kind')).toHaveText('内置模板')
})
