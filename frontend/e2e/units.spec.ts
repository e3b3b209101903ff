import { expect, test, type Page } from '@playwright/test'
import { expectBlocked, login, menuTexts, screenshot, selectUnit, uniqueCode } from './helpers'

// Later tests use the unit the first one creates.
test.describe.configure({ mode: 'serial' })

const code = uniqueCode()
const name = `E2E测试处室${code.slice(-4)}`
const renamed = `${name}（已更名）`

/** A 1×1 PNG: the server sniffs content, so uploads need real bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

async function openCreateUnder(page: Page, parent: string): Promise<void> {
  await selectUnit(page, parent)
  await page.getByTestId('unit-create-child').click()
  await expect(page.getByTestId('unit-dialog')).toBeVisible()
}

function codeFieldError(page: Page) {
  return page.getByTestId('unit-dialog').locator('.el-form-item', { has: page.getByTestId('unit-form-code') }).locator('.el-form-item__error')
}

test('admin creates and renames a unit under 市体育局', async ({ page }) => {
  await login(page, 'admin', '/units')
  await expect(page).toHaveTitle('组织机构 - 清风')
  await openCreateUnder(page, '市体育局')

  await page.getByTestId('unit-form-code').fill(code)
  await page.getByTestId('unit-form-name').fill(name)
  // The kind defaults to 处室 under the bureau.
  await expect(page.getByTestId('unit-form-kind')).toContainText('处室')
  await screenshot(page, '03-unit-create-dialog')
  await page.getByTestId('unit-form-submit').click()

  await expect(page.locator('.el-message--success')).toContainText('单位已创建')
  await expect(page.getByTestId('unit-detail-name')).toHaveText(name)
  await expect(page.getByTestId('unit-detail-code')).toHaveText(code)
  await expect(page.getByTestId('unit-tree')).toContainText(name)

  await page.getByTestId('unit-edit').click()
  await page.getByTestId('unit-form-name').fill(renamed)
  await page.getByTestId('unit-form-submit').click()
  await expect(page.locator('.el-message--success').filter({ hasText: '单位已修改' })).toBeVisible()
  await expect(page.getByTestId('unit-detail-name')).toHaveText(renamed)
  await expect(page.getByTestId('unit-tree')).toContainText(renamed)

  // The record's own history comes from the same journal.
  await page.getByRole('tab', { name: '变更记录' }).click()
  await expect(page.locator('.record-timeline')).toContainText('修改单位')
  await expect(page.locator('.record-timeline')).toContainText('新增单位')
  await expect(page.locator('.record-timeline')).toContainText(`名称：${name} → ${renamed}`)
  await screenshot(page, '02-units-admin')
})

test('server validation and conflicts land on the form field', async ({ page }) => {
  await login(page, 'admin', '/units')
  await openCreateUnder(page, '市体育局')
  await page.getByTestId('unit-form-name').fill('格式错误的单位')

  // The client does not check the code's format: the server's 400 violation[field=code] shows.
  await page.getByTestId('unit-form-code').fill('bad-lower-case')
  await page.getByTestId('unit-form-submit').click()
  await expect(codeFieldError(page)).toContainText('大写字母、数字和连字符')
  await expect(page.locator('.el-message--error')).toContainText('提交的内容有误')
  await screenshot(page, '04-unit-validation-error')

  // A code in use: 409 unit.code-taken with the server's detail on the same field.
  await page.getByTestId('unit-form-code').fill(code)
  await page.getByTestId('unit-form-submit').click()
  await expect(codeFieldError(page)).toContainText(code) // the server names the taken code
  await expect(page.getByTestId('unit-dialog')).toBeVisible()
})

test('attachments: limits shown, server rejection shown, upload with progress lands in the list', async ({ page }) => {
  await login(page, 'admin', '/units')
  await selectUnit(page, renamed)
  await expect(page.getByTestId('attachment-limits')).toContainText('20 MB')
  await expect(page.getByTestId('attachment-limits')).toContainText('pdf、ofd、docx、xlsx、doc、xls、jpg、png、zip')

  const input = page.getByTestId('attachment-input')
  // Refused before upload: the type is not on the list.
  await input.setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') })
  await expect(page.locator('.el-message--error')).toContainText('tool.exe')

  // Accepted by name, refused by the server: PNG bytes called .pdf (415 attachment.type-mismatch).
  await input.setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: PNG })
  await expect(page.locator('.el-message--error').filter({ hasText: '文件类型不被接受' })).toBeVisible()

  await input.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.locator('.el-message--success').filter({ hasText: '已上传 现场照片.png' })).toBeVisible()
  await expect(page.locator('.attachment-panel .el-table')).toContainText('现场照片.png')
  await expect(page.locator('.attachment-panel .el-table')).toContainText('张伟')
  await screenshot(page, '06-unit-attachments')
})

test('a stale edit gets 412 with a reload offer', async ({ page, browser }) => {
  await login(page, 'admin', '/units')
  await selectUnit(page, renamed)
  await page.getByTestId('unit-edit').click()
  await page.getByTestId('unit-form-name').fill(`${renamed}A`)

  // Meanwhile someone else renames it (and back), so our version is outdated.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await login(otherPage, 'admin', '/units')
  await selectUnit(otherPage, renamed)
  for (const next of [`${renamed}B`, renamed]) {
    await otherPage.getByTestId('unit-edit').click()
    await otherPage.getByTestId('unit-form-name').fill(next)
    await otherPage.getByTestId('unit-form-submit').click()
    await expect(otherPage.getByTestId('unit-detail-name')).toHaveText(next)
  }
  await other.close()

  await page.getByTestId('unit-form-submit').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('该记录已被他人修改，请刷新后重试')
  await screenshot(page, '13-stale-record')
  await box.getByRole('button', { name: '刷新' }).click()
  await expect(page.getByTestId('unit-dialog')).toBeHidden()
  await expect(page.getByTestId('unit-detail-name')).toHaveText(renamed)
  // After the reload the same edit goes through.
  await page.getByTestId('unit-edit').click()
  await page.getByTestId('unit-form-name').fill(renamed)
  await page.getByTestId('unit-form-submit').click()
  await expect(page.locator('.el-message--success').filter({ hasText: '单位已修改' })).toBeVisible()
})

test('admin moves, deactivates and activates a unit; refusals show the server detail', async ({ page }) => {
  await login(page, 'admin', '/units')

  // A unit with active sub-units cannot be deactivated: the button says so before it is clicked.
  await selectUnit(page, '机关党委（人事处）')
  await expectBlocked(page, page.getByTestId('unit-deactivate'), /该单位还有 \d+ 个未停用的下级单位/)
  await expect(page.getByTestId('unit-detail-name')).toHaveText('机关党委（人事处）')

  await selectUnit(page, renamed)
  await page.getByTestId('unit-move').click()
  await page.getByTestId('unit-move-dialog').locator('.el-select').click()
  await page.locator('.el-tree-select__popper:visible .el-tree-node__content').filter({ hasText: '机关党委（人事处）' }).first().click()
  await page.getByTestId('unit-move-submit').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
  await expect(page.locator('.el-message--success').filter({ hasText: '单位已移动' })).toBeVisible()
  await expect(page.getByTestId('unit-detail')).toContainText('机关党委（人事处）')

  await page.getByTestId('unit-deactivate').click()
  const prompt = page.locator('.el-message-box')
  await prompt.locator('input').fill('E2E 测试停用')
  await prompt.getByRole('button', { name: '停用' }).click()
  await expect(page.locator('.el-message--success').filter({ hasText: '单位已停用' })).toBeVisible()
  await expect(page.locator('.units__detail .status-tag').first()).toHaveText('停用')
  await expect(page.getByTestId('unit-include-inactive')).toBeChecked()

  await page.getByTestId('unit-activate').click()
  await page.locator('.el-message-box').getByRole('button', { name: '启用' }).click()
  await expect(page.locator('.el-message--success').filter({ hasText: '单位已启用' })).toBeVisible()
  await expect(page.locator('.units__detail .status-tag').first()).toHaveText('启用')

  // Leave the test unit deactivated so runs do not clutter the active tree (nothing is ever deleted).
  await page.getByTestId('unit-deactivate').click()
  await page.locator('.el-message-box').locator('input').fill('E2E 测试结束')
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await expect(page.locator('.units__detail .status-tag').first()).toHaveText('停用')
})

test('auditor sees the unit.created and unit.updated events with before/after', async ({ page }) => {
  await login(page, 'shenji', '/audit')
  expect(await menuTexts(page)).toEqual(['工作台', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '工作报告', '组织机构', '审计日志', '个人信息'])
  await expect(page).toHaveTitle('审计日志 - 清风')

  await page.getByTestId('filter-action').fill('unit.')
  await page.getByTestId('filter-actor').fill('张伟')
  await page.getByTestId('audit-search').click()
  await expect(page).toHaveURL(/action=unit\./)

  const rows = page.getByTestId('audit-table').locator('.el-table__body tr')
  const updated = rows.filter({ hasText: 'unit.updated' }).filter({ hasText: renamed }).first()
  const created = rows.filter({ hasText: 'unit.created' }).filter({ hasText: renamed }).first()
  await expect(updated).toBeVisible()
  await expect(created).toBeVisible()
  await screenshot(page, '10-audit-log')

  await updated.getByTestId('event-detail').click()
  const drawer = page.getByTestId('event-drawer')
  await expect(drawer).toBeVisible()
  await expect(drawer).toContainText('修改单位')
  await expect(drawer.getByTestId('event-changes')).toContainText(name)
  await expect(drawer.getByTestId('event-changes')).toContainText(renamed)
  await screenshot(page, '11-audit-event-drawer')

  // The filters are in the URL: a reload shows the same list.
  await page.reload()
  await expect(page.getByTestId('filter-action')).toHaveValue('unit.')
  await expect(rows.filter({ hasText: 'unit.created' }).first()).toBeVisible()
})
