import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Locator, type Page } from '@playwright/test'
import { login, screenshot, uniqueCode } from './helpers'
import { readXlsx, writeSheet, type Sheets } from './xlsx'

const stamp = uniqueCode('IM').slice(-6)
const names = [`E2E导入风险${stamp}甲（场馆外包服务采购）`, `E2E导入风险${stamp}乙（大型赛事票务）`, `E2E导入风险${stamp}丙（训练器材报废处置）`]
const BAD_CATEGORY = '贪腐风险'

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFileSync(path)
}

/** The first non-blank row of a sheet: its header row, as the import reads it. */
function headerRow(sheets: Sheets, sheet: string): string[] {
  const rows = sheets.get(sheet) ?? []
  const header = rows.find((row) => row.some((cell) => cell.trim() !== ''))
  if (header === undefined) throw new Error(`no header row in ${sheet}`)
  return header
}

/**
 * The template filled in: the risk sheet's header and these rows (by header), every other sheet of
 * the ledger reduced to its header row (the template's examples are not ours to import).
 */
function filledTemplate(template: Buffer, rows: readonly Record<string, string>[]): Buffer {
  const sheets = readXlsx(template)
  let workbook = template
  for (const name of ['管控措施']) {
    if (sheets.has(name)) workbook = writeSheet(workbook, name, [headerRow(sheets, name)])
  }
  const header = headerRow(sheets, '风险点')
  for (const column of ['风险名称', '风险类别', '责任单位']) expect(header, `template column ${column}`).toContain(column)
  const data = rows.map((row) => header.map((column) => row[column] ?? ''))
  return writeSheet(workbook, '风险点', [header, ...data])
}

function risk(name: string, category = '廉政'): Record<string, string> {
  return { 风险名称: name, 风险类别: category, 责任单位: '体育场馆管理中心', 表现形式: '由导入测试写入' }
}

async function upload(page: Page, file: Buffer, name: string): Promise<void> {
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  })
  await expect(page.getByTestId('import-file-name')).toContainText(name)
  await page.getByTestId('import-start').click()
}

test('a unit officer imports risks from the template: a bad row is shown, fixed and the risks are in the ledger', async ({ page }) => {
  await login(page, 'cg_officer', '/imports/new')
  await expect(page).toHaveTitle('导入数据 - 清风')
  await expect(page.getByTestId('menu-group-bulk')).toContainText('数据导入')
  // A unit officer may fill the risk ledger only.
  await expect(page.getByTestId('import-ledger').locator('.el-radio-button')).toHaveText(['风险台账'])

  const templateDownload = page.waitForEvent('download')
  await page.getByTestId('import-template').click()
  const template = await templateDownload
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/)
  const blank = await downloaded(template)
  await screenshot(page, '60-import-source')

  // Three rows, the second with a category that does not exist.
  await upload(page, filledTemplate(blank, [risk(names[0] ?? ''), risk(names[1] ?? '', BAD_CATEGORY), risk(names[2] ?? '')]), `风险导入${stamp}.xlsx`)
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/)
  const report = page.getByTestId('import-report')
  await expect(report.getByTestId('import-check-counts-invalid')).toContainText('1', { timeout: 30_000 })
  await expect(report.getByTestId('import-check-counts-rows')).toContainText('3')
  const problem = report.getByTestId('import-problems').locator('.el-table__row').filter({ hasText: BAD_CATEGORY })
  await expect(problem).toHaveCount(1)
  // Sheet, spreadsheet row (the header is row 1), column and the value, with a sentence for people.
  await expect(problem.locator('td').nth(0)).toHaveText('风险点')
  await expect(problem.locator('td').nth(1)).toHaveText('3')
  await expect(problem.locator('td').nth(2)).toHaveText('风险类别')
  await expect(problem.locator('td').nth(4)).not.toHaveText('')
  await expect(page.getByTestId('import-job-status')).toHaveText('待导入')
  await expect(report.getByTestId('import-annotated')).toBeVisible()
  await screenshot(page, '61-import-problems')

  // The columns were all recognised. Leaving one out and checking again reports on that mapping,
  // which can be kept under a name for the next file.
  await page.getByTestId('import-to-mapping').click()
  const headers = page.getByTestId('import-headers')
  await expect(headers).toContainText('风险名称')
  await expect(headers).not.toContainText('不导入')
  await pickOption(page, page.getByTestId('import-header-风险点-表现形式'), '忽略此列')
  await expect(headers.locator('.el-table__row').filter({ hasText: '表现形式' })).toContainText('不导入')
  await page.getByTestId('import-revalidate').click()
  await expect(page.getByTestId('import-problem-count')).toHaveText('共 1 个问题', { timeout: 30_000 })
  await expect(page.getByTestId('import-job-status')).toHaveText('待导入')
  await page.getByTestId('import-to-mapping').click()
  await expect(headers.locator('.el-table__row').filter({ hasText: '表现形式' })).toContainText('不导入')
  await page.getByTestId('import-save-mapping').click()
  await page.locator('.el-message-box input').fill(`不导入表现形式${stamp}`)
  await page.locator('.el-message-box').getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message--success').filter({ hasText: `已保存映射方案“不导入表现形式${stamp}”` })).toBeVisible()
  await page.getByTestId('import-to-report').click()

  // Fixed and uploaded again: nothing left to complain about.
  await page.getByTestId('import-reupload').click()
  await expect(page).toHaveURL(/\/imports\/new$/)
  await upload(page, filledTemplate(blank, [risk(names[0] ?? ''), risk(names[1] ?? '', '保密'), risk(names[2] ?? '')]), `风险导入${stamp}-改.xlsx`)
  await expect(page.getByTestId('import-no-problems')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('import-check-counts-valid')).toContainText('3')

  await page.getByTestId('import-to-commit').click()
  await page.getByTestId('import-commit-all').click()
  await page.getByTestId('import-commit-button').click()
  const result = page.getByTestId('import-result')
  await expect(result.getByTestId('import-committed')).toBeVisible({ timeout: 30_000 })
  await expect(result.getByTestId('import-result-counts-created')).toContainText('3')
  await expect(result.getByTestId('import-result-counts-rejected')).toContainText('0')
  const links = result.getByTestId('import-record-link')
  await expect(links).toHaveCount(3)
  await expect(result.getByTestId('import-records')).toContainText(names[1] ?? '')
  await expect(page.getByTestId('import-job-status')).toHaveText('已导入')
  await screenshot(page, '62-import-result')

  // Each record links to its page.
  await result.getByTestId('import-records').locator('.el-table__row').filter({ hasText: names[2] ?? '' }).getByTestId('import-record-link').click()
  await expect(page).toHaveURL(/\/risks\/[0-9a-f-]{36}/)
  await expect(page.locator('body')).toContainText(names[2] ?? '')

  // And the ledger has them.
  await page.goto(`/risks?q=${encodeURIComponent(`E2E导入风险${stamp}`)}`)
  const table = page.getByTestId('risk-table')
  for (const name of names) await expect(table).toContainText(name)
  await expect(table.locator('.el-table__row')).toHaveCount(3)

  // 导入记录 lists both jobs, the committed one labelled in Chinese.
  await page.getByTestId('menu-imports').click()
  const history = page.getByTestId('import-history-table')
  await expect(history.locator('.el-table__row').filter({ hasText: `风险导入${stamp}-改.xlsx` })).toContainText('已导入')
  await expect(history.locator('.el-table__row').filter({ hasText: `风险导入${stamp}.xlsx` })).toContainText('待导入')
  await screenshot(page, '63-import-history')
})

/** Every row the list shows, after loading all its pages: the first column's text. */
async function shownCodes(page: Page, table: Locator): Promise<string[]> {
  const more = page.getByTestId('task-load-more')
  while (await more.isVisible()) {
    const before = await table.locator('.el-table__row').count()
    await more.click()
    await expect.poll(() => table.locator('.el-table__row').count()).toBeGreaterThan(before)
  }
  return (await table.locator('.el-table__row td:first-child').allInnerTexts()).map((text) => text.trim())
}

test('a supervisor exports the filtered task list: the file has the rows the list shows', async ({ page }) => {
  await login(page, 'jiandu', '/tasks')
  const table = page.getByTestId('task-table')
  await expect(table.locator('.el-table__row').first()).toBeVisible()

  await pickOption(page, page.getByTestId('task-filter-status'), '已下发')
  await page.getByTestId('task-search').click()
  await expect(page).toHaveURL(/status=ISSUED/)
  await expect(table.locator('.el-table__row').first()).toBeVisible()
  const codes = await shownCodes(page, table)
  expect(codes.length).toBeGreaterThan(0)

  // Typed into the form but not searched: not what the list shows, so not what is exported.
  await page.getByTestId('task-filter-q').fill('不应出现在导出里')

  const fileDownload = page.waitForEvent('download')
  await page.getByTestId('task-export-button').click()
  await page.getByTestId('task-export-xlsx').click()
  const download = await fileDownload
  expect(download.suggestedFilename()).toMatch(/^任务台账-\d{8}\.xlsx$/)
  await expect(page.locator('.el-message--success').filter({ hasText: download.suggestedFilename() })).toBeVisible()
  await screenshot(page, '64-task-export')

  const sheets = readXlsx(await downloaded(download))
  const header = headerRow(sheets, '任务')
  const codeColumn = header.indexOf('任务编号')
  const statusColumn = header.indexOf('状态')
  expect(codeColumn).toBeGreaterThanOrEqual(0)
  const rows = (sheets.get('任务') ?? []).slice((sheets.get('任务') ?? []).indexOf(header) + 1).filter((row) => row.some((cell) => cell !== ''))
  expect(rows.map((row) => row[codeColumn])).toEqual(codes)
  if (statusColumn >= 0) expect(new Set(rows.map((row) => row[statusColumn]))).toEqual(new Set(['已下发']))
})
