import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { apiAs, login, screenshot, uniqueCode } from './helpers'

// One webhook story: each test picks up where the previous one left it.
test.describe.configure({ mode: 'serial' })

const stamp = uniqueCode('W').slice(-6)
const subscriptionName = `E2E接收端${stamp}`
const taskTitle = `E2E推送任务${stamp}（节点纪律提醒）`

interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** A tiny receiver on this machine: records every request, answers 204. */
const received: Received[] = []
let server: Server
let receiverUrl = ''
let secret = ''
let taskId = ''
let firstWebhookId = ''

function header(request: Received, name: string): string {
  const value = request.headers[name]
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
}

/** The requests that carry the test task's task.issued event. */
function issuedEvents(): Received[] {
  return received.filter((request) => {
    try {
      const body = JSON.parse(request.body) as { type?: string }
      return body.type === 'task.issued' && request.body.includes(taskId)
    } catch {
      return false
    }
  })
}

/** Standard Webhooks v1: base64 HMAC-SHA256 of "id.timestamp.body" with the key after "whsec_". */
function expectedSignature(request: Received, signingSecret: string): string {
  const key = Buffer.from(signingSecret.replace(/^whsec_/, ''), 'base64')
  const signed = `${header(request, 'webhook-id')}.${header(request, 'webhook-timestamp')}.${request.body}`
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`
}

function messageBox(page: Page): Locator {
  return page.locator('.el-message-box')
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByTestId('integration-tabs').getByRole('tab', { name }).click()
}

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      response.statusCode = 204
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
})

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

test('the admin allows the local receiver and subscribes it to task events, seeing the secret once', async ({ page }) => {
  await login(page, 'admin', '/admin/integration?tab=hosts')
  await expect(page).toHaveTitle('集成管理 - 清风')
  await page.getByTestId('host-input').fill('127.0.0.1')
  await page.getByTestId('host-note').fill(`E2E 本机测试接收端 ${stamp}`)
  await page.getByTestId('host-add').click()
  await expect(page.locator('.el-message--success').filter({ hasText: '已允许 127.0.0.1' }).first()).toBeVisible()
  await expect(page.getByTestId('host-list').locator('.el-table__row').filter({ hasText: '127.0.0.1' })).toContainText(stamp)
  await screenshot(page, '80-integration-hosts')

  await openTab(page, '订阅')
  await page.getByTestId('subscription-create').click()
  const dialog = page.getByTestId('subscription-dialog')
  await dialog.getByTestId('subscription-name').fill(subscriptionName)
  await dialog.getByTestId('subscription-url').fill(receiverUrl)
  await expect(dialog.getByTestId('subscription-no-settings')).toBeVisible()
  // An OA adapter asks for its settings; back to the generic one.
  await dialog.getByTestId('adapter-SEEYON').click()
  await expect(dialog.getByTestId('setting-userName')).toBeVisible()
  await dialog.getByTestId('adapter-GENERIC').click()
  await dialog.getByTestId('subscription-events').click()
  await page.keyboard.type('下发任务')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: '下发任务' }).first().click()
  // Close the dropdown by clicking elsewhere in the dialog.
  await dialog.locator('.el-dialog__title').click()
  await expect(page.locator('.el-select-dropdown:visible')).toHaveCount(0)
  await expect(dialog.getByTestId('subscription-events')).toContainText('下发任务')
  await screenshot(page, '81-integration-subscription-form')
  await dialog.getByTestId('subscription-save').click()

  const secretDialog = page.getByTestId('secret-dialog')
  await expect(secretDialog).toBeVisible()
  await expect(secretDialog.getByTestId('secret-warning')).toContainText('关闭本窗口后将不再显示')
  secret = await secretDialog.locator('input').inputValue()
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/)
  await screenshot(page, '82-integration-secret-once')
  await secretDialog.getByTestId('secret-done').click()
  await expect(secretDialog).toBeHidden()
  // Shown once: nowhere on the page any more, the list shows only its last four characters.
  await expect(page.locator('body')).not.toContainText(secret)
  const row = page.getByTestId('subscription-list').locator('.el-table__row').filter({ hasText: subscriptionName })
  await expect(row.getByTestId('subscription-status')).toHaveText('启用')
  await expect(row).toContainText(`尾号 ${secret.slice(-4)}`)
  await expect(row).toContainText('下发任务')
})

test('a supervisor issues a task; the receiver gets a signed task.issued and the log says 已送达', async ({ page }) => {
  const supervisor = await apiAs('jiandu')
  try {
    const tree = (await (await supervisor.get('/api/v1/units/tree')).json()) as UnitNode[]
    const unitId = findUnit(tree, 'SJ-CGZX')
    expect(unitId, 'demo unit SJ-CGZX').toBeDefined()
    const created = await supervisor.post('/api/v1/tasks', { data: { title: taskTitle, category: 'HOLIDAY_DISCIPLINE', deadline: dateInDays(10) } })
    expect(created.status()).toBe(201)
    const { task } = (await created.json()) as { task: { id: string; version: number } }
    taskId = task.id
    const issued = await supervisor.post(`/api/v1/tasks/${taskId}/issue`, {
      headers: { 'If-Match': `"${task.version}"` },
      data: { units: [{ unitId, role: 'LEAD' }] },
    })
    expect(issued.ok(), await issued.text()).toBe(true)
  } finally {
    await supervisor.dispose()
  }

  await expect.poll(() => issuedEvents().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
  const first = issuedEvents()[0]
  if (first === undefined) throw new Error('no task.issued received')
  firstWebhookId = header(first, 'webhook-id')
  expect(firstWebhookId).not.toBe('')
  expect(header(first, 'content-type')).toContain('application/json')
  const signatures = header(first, 'webhook-signature').split(' ')
  expect(signatures).toContain(expectedSignature(first, secret))
  // A signature with another key does not match: the check can fail.
  expect(signatures).not.toContain(expectedSignature(first, `whsec_${Buffer.from('another key').toString('base64')}`))

  await login(page, 'admin', '/admin/integration?tab=deliveries')
  const row = page.getByTestId('delivery-list').locator('.el-table__row').filter({ hasText: subscriptionName }).filter({ hasText: '下发任务' })
  // The dispatcher runs every second; the log shows it delivered once the row says so.
  await expect(async () => {
    await page.getByTestId('delivery-search').click()
    await expect(row.first().getByTestId('delivery-status')).toHaveText('已送达', { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await screenshot(page, '83-integration-deliveries')

  await row.first().getByTestId('delivery-open').click()
  const drawer = page.getByTestId('delivery-drawer')
  await expect(drawer.getByTestId('delivery-webhook-id')).toHaveText(firstWebhookId)
  await expect(drawer.getByTestId('delivery-payload')).toContainText('"type": "task.issued"')
  await expect(drawer.getByTestId('delivery-payload')).toContainText(taskId)
  await expect(drawer.getByTestId('delivery-attempts').locator('.el-table__row').first()).toContainText('已送达')
  await expect(drawer.getByTestId('delivery-attempts').locator('.el-table__row').first()).toContainText('204')
  await screenshot(page, '84-integration-delivery-detail')

  // Replay: the receiver gets the same webhook-id again.
  const before = issuedEvents().length
  await drawer.getByTestId('delivery-drawer-replay').click()
  await messageBox(page).getByRole('button', { name: '重新投递' }).click()
  await expect(page.locator('.el-message--success').filter({ hasText: '已重新排队投递' }).first()).toBeVisible()
  await expect.poll(() => issuedEvents().length, { timeout: 30_000 }).toBeGreaterThan(before)
  const replayed = issuedEvents().at(-1)
  if (replayed === undefined) throw new Error('no replay received')
  expect(header(replayed, 'webhook-id')).toBe(firstWebhookId)
  expect(header(replayed, 'webhook-signature').split(' ')).toContain(expectedSignature(replayed, secret))
})

test('the unit officer sees the new to-do in the bell and in 待办中心', async ({ page }) => {
  await login(page, 'cg_officer', '/')
  const badge = page.getByTestId('todo-bell-badge').locator('.el-badge__content')
  await expect(badge).toBeVisible()
  await expect(badge).not.toHaveText('0')
  await page.getByTestId('todo-bell').click()
  const item = page.getByTestId('todo-bell-panel').getByTestId('todo-bell-item').filter({ hasText: taskTitle })
  await expect(item).toContainText('待签收')
  await screenshot(page, '85-todo-bell')

  await page.getByTestId('todo-bell-all').click()
  await expect(page).toHaveTitle('待办中心 - 清风')
  const row = page.getByTestId('todo-list').locator('.el-table__row').filter({ hasText: taskTitle })
  await expect(row).toContainText('待签收')
  await expect(row.getByTestId('todo-state')).toHaveText('待办')
  await expect(row.getByTestId('todo-unread')).toBeVisible()
  await screenshot(page, '86-todo-center')

  // Opening it marks it read and goes to the assignment.
  await row.getByTestId('todo-row-link').click()
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}\\?assignment=`))
  await page.getByTestId('menu-todos').click()
  const opened = page.getByTestId('todo-list').locator('.el-table__row').filter({ hasText: taskTitle })
  await expect(opened).toBeVisible()
  await expect(async () => {
    await page.getByTestId('todo-search').click()
    await expect(opened.getByTestId('todo-unread')).toHaveCount(0, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })

  // The other tabs name their state in words.
  await page.getByTestId('todo-tabs').getByRole('tab', { name: '已办' }).click()
  await expect(page).toHaveURL(/state=DONE/)
})

interface UnitNode {
  id: string
  code: string
  children?: UnitNode[]
}

function findUnit(nodes: readonly UnitNode[], code: string): string | undefined {
  for (const node of nodes) {
    if (node.code === code) return node.id
    const found = findUnit(node.children ?? [], code)
    if (found !== undefined) return found
  }
  return undefined
}

function dateInDays(days: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted)
}
