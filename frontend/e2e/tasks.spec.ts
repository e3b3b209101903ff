import { expect, test, type Locator, type Page } from '@playwright/test'
import { login, menuTexts, screenshot, uniqueCode } from './helpers'

// One task goes through its whole life: each test picks up where the previous one left it.
test.describe.configure({ mode: 'serial' })

const stamp = uniqueCode('T').slice(-6)
const title = `E2E督办任务${stamp}（场馆安全专项检查）`
const progressText = `完成场馆消防通道排查，发现问题2处，已整改1处（${stamp}）`
const recordTopic = `场馆安全专项检查部署会${stamp}`
const returnReason = `缺少整改前后对比照片，请补充后再报送（${stamp}）`
const evidenceName = `检查记录${stamp}.pdf`
const urgeMessage = `请于明日前补充照片并重新报送（${stamp}）`

/** A small but real PDF: the server sniffs the bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)

/** Where the test task lives, and the URL of 体育场馆管理中心's assignment (set as the flow goes). */
let taskPath = ''
let leadAssignmentPath = ''

/** A calendar date in Beijing time, `days` from today. */
function dateInDays(days: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted)
}

function messageBox(page: Page): Locator {
  return page.locator('.el-message-box')
}

async function success(page: Page, text: string): Promise<void> {
  await expect(page.locator('.el-message--success').filter({ hasText: text }).first()).toBeVisible()
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

function panel(page: Page): Locator {
  return page.getByTestId('assignment-panel')
}

async function openTab(page: Page, name: string): Promise<void> {
  await panel(page).getByRole('tab', { name }).click()
}

test('a supervisor creates a task and issues it to two units', async ({ page }) => {
  await login(page, 'jiandu', '/tasks')
  await expect(page).toHaveTitle('任务列表 - 清风')
  await expect(page.getByTestId('menu-group-supervision')).toContainText('督查督办')
  expect(await menuTexts(page)).toEqual(['工作台', '待办中心', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '工作报告', '导入数据', '导入记录', '组织机构', '个人信息'])

  // The demo ledger: traffic lights per row, the overdue one red.
  const table = page.getByTestId('task-table')
  await expect(table).toContainText('五一劳动节期间节点纪律检查')
  await expect(table.locator('.el-table__row').filter({ hasText: '五一劳动节期间节点纪律检查' }).getByTestId('warning-tag')).toHaveText('红（逾期）')
  await screenshot(page, '20-task-list')

  // Filters go into the URL: red ones only.
  await pickOption(page, page.getByTestId('task-filter-warning'), '红（逾期）')
  await page.getByTestId('task-search').click()
  await expect(page).toHaveURL(/warning=RED/)
  await expect(table.getByTestId('warning-tag').first()).toHaveText('红（逾期）')
  await expect(table).not.toContainText('绿')
  await page.getByRole('button', { name: '重置' }).click()

  await page.getByTestId('task-create').click()
  const dialog = page.getByTestId('task-dialog')
  await expect(dialog).toBeVisible()
  // The server's validation lands on the field: a title of blanks passes the browser, not the API.
  await dialog.getByTestId('task-form-title').fill(title)
  await pickOption(page, dialog.getByTestId('task-form-category'), '监督检查')
  await dialog.getByTestId('task-form-priority').getByText('高', { exact: true }).click()
  const deadline = dateInDays(10)
  const deadlineInput = dialog.getByLabel('办理期限')
  await deadlineInput.fill(deadline)
  await deadlineInput.press('Enter')
  await dialog.getByTestId('task-form-basis').fill('市体党发〔2026〕E2E号')
  await dialog.getByTestId('task-form-description').fill('对各场馆消防通道、应急照明、疏散指示进行专项检查，形成检查记录并报送。')
  await screenshot(page, '21-task-create-dialog')
  await dialog.getByTestId('task-form-submit').click()

  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/)
  taskPath = new URL(page.url()).pathname
  await expect(page.getByTestId('task-title')).toHaveText(title)
  await expect(page.getByTestId('task-status')).toHaveText('草稿')
  await expect(page.getByTestId('task-code')).toHaveText(/^RW-\d{4}-\d{4}$/)
  await expect(page.getByTestId('task-deadline')).toHaveText(deadline)
  await expect(page).toHaveTitle('任务详情 - 清风')
  await expect(page.getByTestId('breadcrumb')).toContainText('督查督办')
  await expect(page.getByTestId('breadcrumb')).toContainText('任务列表')

  // A draft is edited in place (PATCH with If-Match); the change is journaled.
  await page.getByTestId('task-edit').click()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('task-form-title')).toHaveValue(title)
  await dialog.getByTestId('task-form-description').fill('对各场馆消防通道、应急照明、疏散指示、监控设施进行专项检查，形成检查记录并报送。')
  await dialog.getByTestId('task-form-submit').click()
  await success(page, '任务已修改')
  await expect(page.getByTestId('task-facts')).toContainText('监控设施')
  await expect(page.getByTestId('task-timeline')).toContainText('修改任务')

  await page.getByTestId('task-issue').click()
  const issue = page.getByTestId('issue-dialog')
  await expect(issue).toBeVisible()
  await issue.getByTestId('issue-tree').locator('[data-code="SJ-YDXX"]').click()
  await issue.getByTestId('issue-tree').locator('[data-code="SJ-CGZX"]').click()
  // The first ticked unit leads, the next co-operates.
  await expect(issue.getByTestId('issue-role-SJ-YDXX').locator('.is-active')).toHaveText('牵头')
  await expect(issue.getByTestId('issue-role-SJ-CGZX').locator('.is-active')).toHaveText('配合')
  // Without a lead unit the dialog refuses.
  await issue.getByTestId('issue-role-SJ-YDXX').getByText('配合').click()
  await issue.getByTestId('issue-submit').click()
  await expect(issue).toContainText('至少需要一个牵头单位')
  // 体育场馆管理中心 leads, 体育运动学校 co-operates.
  await issue.getByTestId('issue-role-SJ-CGZX').getByText('牵头').click()
  await expect(issue.getByTestId('issue-role-SJ-CGZX').locator('.is-active')).toHaveText('牵头')
  await expect(issue.getByTestId('issue-role-SJ-YDXX').locator('.is-active')).toHaveText('配合')
  await screenshot(page, '22-task-issue-dialog')
  await issue.getByTestId('issue-submit').click()
  await expect(messageBox(page)).toContainText('下发给 2 个单位')
  await messageBox(page).getByRole('button', { name: '下发' }).click()

  await success(page, '任务已下发')
  await expect(page.getByTestId('task-status')).toHaveText('已下发')
  const assignments = page.getByTestId('assignment-table')
  await expect(assignments.locator('.el-table__row')).toHaveCount(2)
  await expect(assignments.locator('.el-table__row').filter({ hasText: '体育场馆管理中心' })).toContainText('牵头')
  await expect(assignments.locator('.el-table__row').filter({ hasText: '体育运动学校' })).toContainText('配合')
  await expect(assignments.locator('.el-table__row').first()).toContainText('待签收')
  await expect(page.getByTestId('task-timeline')).toContainText('下发任务')
  await expect(page.getByTestId('task-timeline')).toContainText('承办单位数：2')
  const assigned = page.getByTestId('task-timeline').locator('.record-timeline__item').filter({ hasText: '分派承办单位' })
  await expect(assigned.filter({ hasText: '体育场馆管理中心' })).toContainText('承办角色：牵头')
  await expect(assigned.filter({ hasText: '体育运动学校' })).toContainText('承办角色：配合')
})

test('the lead unit officer accepts, reports progress with evidence, adds a record and submits', async ({ page }) => {
  await login(page, 'cg_officer', '/')
  const todos = page.getByTestId('my-todos')
  const todo = todos.getByTestId('todo-item').filter({ hasText: title })
  await expect(todo).toContainText('待签收')
  await expect(todo.getByTestId('warning-tag')).toHaveText('绿')
  await screenshot(page, '23-home-todos-officer')

  await page.getByTestId('menu-assignments').click()
  await expect(page).toHaveTitle('承办事项 - 清风')
  const row = page.getByTestId('assignment-list').locator('.el-table__row').filter({ hasText: title })
  await expect(row).toContainText('待签收')
  await expect(row.getByTestId('assignment-quick-accept')).toBeVisible()
  await screenshot(page, '24-assignments-officer')
  await row.getByTestId('assignment-link').click()

  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}\?assignment=[0-9a-f-]{36}$/)
  leadAssignmentPath = new URL(page.url()).pathname + new URL(page.url()).search
  await expect(panel(page).getByTestId('assignment-unit')).toHaveText('体育场馆管理中心')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('待签收')
  // Only the officer's own unit is in sight.
  await expect(page.getByTestId('assignment-table').locator('.el-table__row')).toHaveCount(1)
  await expect(page.getByTestId('task-issue')).toHaveCount(0)

  await panel(page).getByTestId('assignment-accept').click()
  await messageBox(page).getByRole('button', { name: '签收' }).click()
  await success(page, '已签收')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('办理中')

  // 进展
  await panel(page).getByTestId('progress-content').fill(progressText)
  await panel(page).getByTestId('progress-percent').locator('input').fill('60')
  await panel(page).getByTestId('progress-submit').click()
  await success(page, '进展已报告')
  await expect(panel(page).getByTestId('progress-list')).toContainText(progressText)
  await expect(panel(page).getByTestId('progress-list')).toContainText('刘洋')

  // 佐证材料: a PDF uploaded to the assignment.
  await openTab(page, '佐证材料')
  await panel(page).getByTestId('attachment-input').setInputFiles({ name: evidenceName, mimeType: 'application/pdf', buffer: PDF })
  await success(page, `已上传 ${evidenceName}`)
  await expect(panel(page).locator('.attachment-panel .el-table')).toContainText(evidenceName)

  // 工作记录
  await openTab(page, '工作记录')
  await panel(page).getByTestId('record-add').click()
  await panel(page).getByTestId('record-topic').fill(recordTopic)
  await panel(page).getByTestId('record-count').locator('input').fill('12')
  await panel(page).getByTestId('record-place').fill('市体育中心会议室')
  await panel(page).getByTestId('record-participants').fill('刘洋、场馆中心各部室负责人')
  await panel(page).getByTestId('record-submit').click()
  await success(page, '工作记录已添加')
  const record = panel(page).getByTestId('record-list').locator('.el-table__row').filter({ hasText: recordTopic })
  await expect(record).toContainText('12')
  await panel(page).evaluate((element) => element.scrollIntoView())
  await screenshot(page, '25-assignment-officer-working')

  await panel(page).getByTestId('assignment-submit').click()
  await messageBox(page).locator('textarea').fill('专项检查已完成，检查记录见附件。')
  await messageBox(page).getByRole('button', { name: '报送' }).click()
  await success(page, '已报送')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('已报送')
  await expect(panel(page).getByTestId('assignment-submit')).toHaveCount(0)
})

test('the supervisor finds it in the to-dos and returns it once with a reason', async ({ page }) => {
  await login(page, 'jiandu', '/')
  const todo = page.getByTestId('my-todos').getByTestId('todo-item').filter({ hasText: title })
  await expect(todo).toContainText('待审核办结')
  await todo.getByTestId('todo-link').click()
  await expect(page).toHaveURL(leadAssignmentPath)
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('已报送')

  // A reason is required.
  await panel(page).getByTestId('assignment-return').click()
  await messageBox(page).getByRole('button', { name: '退回' }).click()
  await expect(messageBox(page)).toContainText('退回原因不能为空')
  await messageBox(page).locator('textarea').fill(returnReason)
  await messageBox(page).getByRole('button', { name: '退回' }).click()
  await success(page, '已退回')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('办理中')
  await expect(panel(page).getByTestId('assignment-returned-count')).toHaveText('1')
  await expect(page.getByTestId('task-timeline')).toContainText(returnReason)
  await screenshot(page, '26-assignment-returned-supervisor')

  // And urges the unit to hurry.
  await panel(page).getByTestId('assignment-urge').click()
  await messageBox(page).locator('textarea').fill(urgeMessage)
  await messageBox(page).getByRole('button', { name: '催办' }).click()
  await success(page, '已催办')
  await openTab(page, '催办')
  await expect(panel(page).getByTestId('urge-item').filter({ hasText: urgeMessage })).toContainText('未回复')
  await expect(panel(page).getByTestId('urge-reply')).toHaveCount(0)
})

test('the officer answers the urge, sees the reason and submits again', async ({ page }) => {
  await login(page, 'cg_officer', '/')
  const todo = page.getByTestId('my-todos').getByTestId('todo-item').filter({ hasText: title })
  await expect(todo.filter({ hasText: '待回复催办' })).toHaveCount(1)
  await expect(todo.filter({ hasText: '待办理/报送' })).toHaveCount(1)
  await todo.filter({ hasText: '待回复催办' }).getByTestId('todo-link').click()
  await expect(page).toHaveURL(leadAssignmentPath)

  await openTab(page, '催办')
  const urge = panel(page).getByTestId('urge-item').filter({ hasText: urgeMessage })
  await urge.getByTestId('urge-reply').click()
  await messageBox(page).locator('textarea').fill('已安排专人补充照片，今日内报送。')
  await messageBox(page).getByRole('button', { name: '回复' }).click()
  await success(page, '已回复')
  await expect(urge).toContainText('已安排专人补充照片，今日内报送。')
  await expect(urge).toContainText('刘洋 于')

  await expect(panel(page).getByTestId('assignment-return-reason')).toContainText(returnReason)
  await expect(panel(page).getByTestId('assignment-return-reason')).toContainText('第 1 次')
  await page.getByTestId('task-header').evaluate((element) => element.scrollIntoView())
  await screenshot(page, '27-assignment-return-reason-officer')

  await panel(page).getByTestId('assignment-submit').click()
  await messageBox(page).locator('textarea').fill('已补充整改前后对比照片。')
  await messageBox(page).getByRole('button', { name: '报送' }).click()
  await success(page, '已报送')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('已报送')
  await expect(panel(page).getByTestId('assignment-return-reason')).toHaveCount(0)
})

test('the supervisor approves: 已办结, on time', async ({ page }) => {
  await login(page, 'jiandu', leadAssignmentPath)
  await panel(page).getByTestId('assignment-approve').click()
  await messageBox(page).locator('textarea').fill('同意办结。')
  await messageBox(page).getByRole('button', { name: '办结' }).click()
  await success(page, '已办结')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('已办结')
  await expect(panel(page).getByTestId('assignment-warning')).toHaveText('按时办结')
  const row = page.getByTestId('assignment-table').locator('.el-table__row').filter({ hasText: '体育场馆管理中心' })
  await expect(row).toContainText('已办结')
  await expect(row).toContainText('按时办结')
  const timeline = page.getByTestId('task-timeline')
  for (const step of ['新建任务', '下发任务', '签收', '报告进展', '添加工作记录', '报送', '退回', '催办', '回复催办', '办结']) await expect(timeline).toContainText(step)
  await screenshot(page, '28-task-detail-done')
  await timeline.evaluate((element) => element.scrollIntoView())
  await screenshot(page, '31-task-timeline')

  // The evidence stays, read-only, with the closed assignment.
  await openTab(page, '佐证材料')
  await expect(panel(page).locator('.attachment-panel .el-table')).toContainText(evidenceName)
  await expect(panel(page).getByTestId('attachment-upload')).toHaveCount(0)
})

test("the other unit's officer sees only their own assignment", async ({ page }) => {
  await login(page, 'xx_officer', taskPath)
  const rows = page.getByTestId('assignment-table').locator('.el-table__row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('体育运动学校')
  await expect(rows.first()).toContainText('配合')
  await expect(page.getByTestId('assignment-table')).not.toContainText('体育场馆管理中心')
  // Their own assignment opens by itself, waiting to be accepted.
  await expect(panel(page).getByTestId('assignment-unit')).toHaveText('体育运动学校')
  await expect(panel(page).getByTestId('assignment-status')).toHaveText('待签收')
  await expect(page.getByTestId('task-timeline')).not.toContainText(progressText)
  await expect(page.getByTestId('task-timeline')).not.toContainText(returnReason)
  await screenshot(page, '29-task-detail-other-unit')

  // The first unit's assignment by its URL: not found (out of scope looks like absent).
  await page.goto(leadAssignmentPath)
  await expect(page.getByTestId('assignment-not-found')).toContainText('承办事项不存在，或不在您的数据权限范围内')
  await expect(page.getByTestId('assignment-not-found')).not.toContainText(progressText)
  await screenshot(page, '30-assignment-not-found')
})

test('a leader reads the ledger; the task pages speak English too', async ({ page }) => {
  await login(page, 'lingdao', '/tasks')
  // Leaders read everything but change nothing.
  await expect(page.getByTestId('task-table')).toContainText(title)
  await expect(page.getByTestId('task-create')).toHaveCount(0)

  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await expect(page).toHaveTitle('Tasks - 清风')
  await expect(page.getByTestId('menu-group-supervision')).toContainText('Supervision')
  await expect(page.getByTestId('task-table')).toContainText('Deadline')
  await expect(page.getByTestId('task-table').locator('.el-table__row').filter({ hasText: '五一劳动节期间节点纪律检查' }).getByTestId('warning-tag')).toHaveText('Red (overdue)')
  await screenshot(page, '32-task-list-english')

  await page.getByTestId('task-table').getByText(title).click()
  await expect(page.getByTestId('assignment-table')).toContainText('Done on time')
  await expect(page.getByTestId('task-timeline')).toContainText('Task issued')
  await expect(page.getByTestId('assignment-approve')).toHaveCount(0)
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  await expect(page).toHaveTitle('任务详情 - 清风')
})

test('a supervisor cancels a draft with a reason; it is kept, never deleted', async ({ page }) => {
  const draft = `E2E待撤销任务${stamp}`
  await login(page, 'jiandu', '/tasks')
  await page.getByTestId('task-create').click()
  const dialog = page.getByTestId('task-dialog')
  // The title is required before anything is sent.
  await dialog.getByTestId('task-form-submit').click()
  await expect(dialog).toContainText('请输入标题')
  await dialog.getByTestId('task-form-title').fill(draft)
  await pickOption(page, dialog.getByTestId('task-form-category'), '理论学习')
  await dialog.getByTestId('task-form-submit').click()
  await expect(page.getByTestId('task-status')).toHaveText('草稿')

  await page.getByTestId('task-cancel').click()
  await messageBox(page).getByRole('button', { name: '撤销任务' }).click()
  await expect(messageBox(page)).toContainText('撤销原因不能为空')
  await messageBox(page).locator('textarea').fill('与 RW 年度学习计划重复')
  await messageBox(page).getByRole('button', { name: '撤销任务' }).click()
  await success(page, '任务已撤销')
  await expect(page.getByTestId('task-status')).toHaveText('已撤销')
  await expect(page.getByTestId('task-header')).toContainText('与 RW 年度学习计划重复')
  await expect(page.getByTestId('task-cancel')).toHaveCount(0)
  await expect(page.getByTestId('task-edit')).toHaveCount(0)

  // Still in the list, filtered by status and searched by title.
  await page.getByTestId('menu-tasks').click()
  await pickOption(page, page.getByTestId('task-filter-status'), '已撤销')
  await page.getByTestId('task-filter-q').fill(draft)
  await page.getByTestId('task-search').click()
  await expect(page).toHaveURL(/status=CANCELLED/)
  const rows = page.getByTestId('task-table').locator('.el-table__row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('已撤销')
})
