import { expect, test, type Locator, type Page } from '@playwright/test'
import { HEATMAP_GRID } from '../src/views/risks/heatmapGrid'
import { apiAs, expectBlocked, login, screenshot, setAppClock, shanghaiDate, uniqueCode } from './helpers'

// One risk point from registration to a 重大 report on time: each test picks up where the previous
// one left it. The application clock is moved forward (a quarter passes) and reset afterwards; the
// config runs this file after the others, so their deadlines never see the moved clock.
test.describe.configure({ mode: 'serial' })

const stamp = uniqueCode('K').slice(-6)
const name = `E2E赛事物资采购廉政风险${stamp}`
const measure = `大额采购集体决策并全程留痕（${stamp}）`
const newMeasure = `采购验收引入第三方见证（${stamp}）`
const conclusion = `发现化整为零采购苗头，风险上升，提级为重大并向局报告（${stamp}）`
const reportNo = `体场字〔2026〕${stamp}号`

let riskPath = ''
let riskId = ''
/** The application's time once the clock was moved (the browser is set to it too). */
let appNow: Date | undefined

const GRID = HEATMAP_GRID

async function success(page: Page, text: string): Promise<void> {
  await expect(page.locator('.el-message--success').filter({ hasText: text }).first()).toBeVisible()
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

async function confirmBox(page: Page): Promise<void> {
  const box = page.locator('.el-message-box')
  await expect(box).toBeVisible()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expect(box).toBeHidden()
}

async function openTab(page: Page, label: string): Promise<void> {
  await page.getByTestId('risk-tabs').locator('.el-tabs__item').filter({ hasText: label }).click()
}

function obligationRow(page: Page, kind: string): Locator {
  return page.getByTestId('risk-obligations').locator('.el-table__row').filter({ hasText: kind })
}

/** Clicks a square of the heat map (likelihood across, impact upwards). */
async function clickSquare(page: Page, likelihood: number, impact: number): Promise<void> {
  const chart = page.getByTestId('risk-heatmap')
  const box = await chart.boundingBox()
  if (box === null) throw new Error('heat map not shown')
  const width = (box.width - GRID.left - GRID.right) / 5
  const height = (box.height - GRID.top - GRID.bottom) / 5
  await chart.click({ position: { x: GRID.left + (likelihood - 0.5) * width, y: GRID.top + (5 - impact + 0.5) * height } })
}

/** The risk's next review date as the API reports it (the grade must be 较大 by now). */
async function nextReviewOf(id: string): Promise<string> {
  const officer = await apiAs('cg_officer')
  try {
    const response = await officer.get(`/api/v1/risks/${id}`)
    expect(response.ok()).toBe(true)
    const detail = (await response.json()) as { risk: { nextReviewOn: string; level: string } }
    expect(detail.risk.level).toBe('SIGNIFICANT')
    return detail.risk.nextReviewOn
  } finally {
    await officer.dispose()
  }
}

test.afterAll(async () => {
  // Whatever happened above, later runs and other specs see real time again.
  await setAppClock(0)
})

test('a unit officer registers a risk point of their unit', async ({ page }) => {
  await login(page, 'cg_officer', '/risks')
  await expect(page).toHaveTitle('风险台账 - 清风')
  await expect(page.getByTestId('risk-heatmap').locator('canvas').first()).toBeVisible()
  await page.getByTestId('risk-create').click()
  const dialog = page.getByTestId('risk-dialog')
  await expect(dialog).toBeVisible()
  // Their own unit comes pre-selected.
  await expect(dialog.getByTestId('risk-form-unit')).toContainText('体育场馆管理中心')
  await dialog.getByTestId('risk-form-name').fill(name)
  await pickOption(page, dialog.getByTestId('risk-form-category'), '廉政')
  await dialog.getByTestId('risk-form-manifestation').fill('赛事物资集中采购，存在化整为零、指定品牌的风险。')
  await dialog.getByTestId('risk-form-leader').fill('刘强')
  await dialog.getByTestId('risk-form-person').fill('周涛')
  await dialog.getByTestId('risk-form-add-measure').click()
  await dialog.getByTestId('risk-form-measure-content').first().fill(measure)
  await screenshot(page, '50-risk-create-dialog')
  await dialog.getByTestId('risk-form-submit').click()

  await expect(page).toHaveURL(/\/risks\/[0-9a-f-]{36}$/)
  riskPath = new URL(page.url()).pathname
  riskId = riskPath.split('/').pop() ?? ''
  await expect(page.getByTestId('risk-name')).toHaveText(name)
  await expect(page.getByTestId('risk-code')).toHaveText(/^FX-\d{4}-\d{4}$/)
  await expect(page.getByTestId('risk-status')).toHaveText('已识别')
  await expect(page.getByTestId('risk-level')).toHaveText('未评级')
  await expect(page.getByTestId('risk-measure-table')).toContainText(measure)
  // Grading is the supervisors' act; reviewing and controlling wait for it, and say so.
  await expect(page.getByTestId('risk-grade')).toHaveCount(0)
  await expectBlocked(page, page.getByTestId('risk-review'), '风险尚未评级')
  await expectBlocked(page, page.getByTestId('risk-start-control'), '风险尚未评级')
})

test('the supervisor grades it 较大 (3 × 4 = 12) and starts control', async ({ page }) => {
  await login(page, 'jiandu', riskPath)
  await page.getByTestId('risk-grade').click()
  const dialog = page.getByTestId('risk-grade-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('risk-grade-preview')).toContainText('请选择可能性和影响程度')
  await pickOption(page, dialog.getByTestId('risk-grade-likelihood'), '3 可能发生')
  await pickOption(page, dialog.getByTestId('risk-grade-impact'), '4 较大')
  await expect(dialog.getByTestId('risk-grade-preview')).toContainText('分值 12')
  await expect(dialog.getByTestId('risk-grade-preview')).toHaveAttribute('data-level', 'SIGNIFICANT')
  await expect(dialog.getByTestId('risk-grade-preview')).toContainText('较大')
  await dialog.getByTestId('risk-grade-reason').fill('采购金额大、环节多，初次评级')
  await screenshot(page, '51-risk-grade-dialog')
  await dialog.getByTestId('risk-grade-submit').click()
  await success(page, '已评级')

  await expect(page.getByTestId('risk-level')).toHaveText('较大 12')
  await expect(page.getByTestId('risk-gradings')).toContainText('采购金额大、环节多，初次评级')
  await expect(page.getByTestId('risk-gradings').getByTestId('risk-grading-source')).toHaveText('评级')
  // 较大 is reviewed quarterly: the first review is three months out, green for now.
  await expect(page.getByTestId('risk-next-review')).toContainText('绿')

  await page.getByTestId('risk-start-control').click()
  await confirmBox(page)
  await success(page, '已进入管控')
  await expect(page.getByTestId('risk-status')).toHaveText('管控中')
})

test('a quarter later the review shows in the officer’s to-dos', async ({ page }) => {
  const nextReviewOn = await nextReviewOf(riskId)
  // The day before the review is due: the to-do is there and yellow.
  const days = Math.round((Date.parse(nextReviewOn) - Date.parse(shanghaiDate(new Date()))) / 86_400_000)
  expect(days).toBeGreaterThan(80)
  appNow = await setAppClock((days - 1) * 86_400)
  expect(shanghaiDate(appNow)).not.toBe(nextReviewOn)
  // Time alone makes this to-do: the server's to-do sweep (every minute) picks the moved day up.
  test.setTimeout(150_000)
  const officer = await apiAs('cg_officer')
  try {
    await expect
      .poll(
        async () => {
          const page = (await (await officer.get('/api/v1/me/todos', { params: { state: 'OPEN', ledger: 'risk', q: name, limit: 5 } })).json()) as {
            items?: { kinds?: string[] }[]
          }
          return page.items?.[0]?.kinds ?? []
        },
        { timeout: 100_000, intervals: [1_000] },
      )
      .toContain('risk.review-due')
  } finally {
    await officer.dispose()
  }

  // The officer's browser lives on the same (moved) day as the server.
  await page.clock.install({ time: appNow })
  await login(page, 'cg_officer', '/')
  const todo = page.getByTestId('my-todos').getByTestId('todo-item').filter({ hasText: name })
  await expect(todo).toHaveAttribute('data-kind', 'risk.review-due')
  await expect(todo).toContainText('待研判')
  await expect(todo).toContainText(`截止 ${nextReviewOn}`)
  await expect(todo.getByTestId('warning-tag')).toHaveText('黄')
  await screenshot(page, '52-risk-todo-review')
  await todo.getByTestId('todo-link').click()
  await expect(page).toHaveURL(new RegExp(`${riskPath}\\?tab=reviews$`))
  await expect(page.getByTestId('risk-tabs').locator('.el-tabs__item.is-active')).toContainText('研判记录')
  await expect(page.getByTestId('risk-next-review')).toContainText('黄')
})

test('the officer records a review that raises it to 重大 (4 × 4 = 16)', async ({ page }) => {
  if (appNow === undefined) throw new Error('the clock was not moved')
  await page.clock.install({ time: appNow })
  await login(page, 'cg_officer', `${riskPath}?tab=reviews`)
  await page.getByTestId('risk-review').click()
  const dialog = page.getByTestId('risk-review-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('研判日期')).toHaveValue(shanghaiDate(appNow))
  await dialog.getByTestId('risk-review-participants').fill('场馆中心班子成员、纪检委员、采购专员')
  await dialog.getByTestId('risk-review-conclusion').fill(conclusion)
  await dialog.getByTestId('risk-review-change-grade').click()
  await expect(dialog.getByTestId('risk-review-preview')).toContainText('分值 12')
  await pickOption(page, dialog.getByTestId('risk-review-likelihood'), '4 很可能')
  await expect(dialog.getByTestId('risk-review-preview')).toContainText('分值 16')
  await expect(dialog.getByTestId('risk-review-preview')).toHaveAttribute('data-level', 'MAJOR')
  await expect(dialog.getByTestId('risk-review-change')).toContainText('等级上升')
  await expect(dialog.getByTestId('risk-review-major')).toBeVisible()
  await dialog.getByTestId('risk-review-add-measure').click()
  await dialog.getByTestId('risk-review-measure-content').fill(newMeasure)
  await screenshot(page, '53-risk-review-dialog')
  await dialog.getByTestId('risk-review-submit').click()
  await success(page, '研判已记录')

  await expect(page.getByTestId('risk-level')).toHaveText('重大 16')
  const review = page.getByTestId('risk-review').filter({ hasText: conclusion })
  await expect(review).toBeVisible()
  await expect(review.getByTestId('risk-review-on-time')).toHaveText('按时')
  await expect(review.getByTestId('risk-review-levels')).toHaveAttribute('data-change', '1')
  await expect(review.getByTestId('risk-review-levels')).toContainText('较大')
  await expect(review.getByTestId('risk-review-levels')).toContainText('重大')
  await expect(page.getByTestId('risk-report-due')).toContainText('须于')
  await openTab(page, '管控措施')
  await expect(page.getByTestId('risk-measure-table')).toContainText(newMeasure)

  // The raise to 重大 owes the bureau a report; the review itself was on time.
  await openTab(page, '研判与报告义务')
  await expect(obligationRow(page, '重大风险报告').getByTestId('risk-obligation-state')).toHaveText('待报告')
  await expect(obligationRow(page, '定期研判').filter({ hasText: '按时研判' })).toHaveCount(1)
  await screenshot(page, '54-risk-obligations-pending')
})

test('the officer reports it on time and the obligation shows as met', async ({ page }) => {
  if (appNow === undefined) throw new Error('the clock was not moved')
  await page.clock.install({ time: appNow })
  await login(page, 'cg_officer', riskPath)
  await page.getByTestId('risk-report').click()
  const dialog = page.getByTestId('risk-report-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('risk-report-recipient').fill('局机关党委、派驻纪检监察组')
  await dialog.getByTestId('risk-report-document').fill(reportNo)
  await dialog.getByTestId('risk-report-content').fill('关于赛事物资采购廉政风险提级为重大的报告：已暂停相关采购，组织专项排查。')
  await dialog.getByTestId('risk-report-submit').click()
  await success(page, '报告已记录')
  await expect(page.getByTestId('risk-reports')).toContainText(reportNo)
  await expect(page.getByTestId('risk-report-due')).toHaveCount(0)

  await openTab(page, '研判与报告义务')
  const report = obligationRow(page, '重大风险报告')
  await expect(report.getByTestId('risk-obligation-state')).toHaveText('按时报告')
  await expect(report.getByTestId('risk-obligation-state')).toHaveAttribute('data-state', 'MET')

  // The same record in 研判与报告, narrowed to this risk.
  await page.getByTestId('risk-obligations-link').click()
  await expect(page).toHaveURL(/\/risk-obligations\?riskId=/)
  await expect(page.getByTestId('obligation-risk-chip')).toContainText('FX-')
  const rows = page.getByTestId('obligation-table').locator('.el-table__row')
  await expect(rows.filter({ hasText: '重大风险报告' }).getByTestId('obligation-state')).toHaveText('按时报告')
  await expect(rows.filter({ hasText: '定期研判' }).filter({ hasText: '按时研判' })).toHaveCount(1)
  await expect(page.getByTestId('obligation-stat-met')).toBeVisible()
  await screenshot(page, '55-risk-obligations')
})

test('the heat map shows the risk in its square, and a click narrows the list to it', async ({ page }) => {
  await login(page, 'jiandu', '/risks')
  const chart = page.getByTestId('risk-heatmap')
  await expect(chart.locator('canvas').first()).toBeVisible()
  await expect(page.getByTestId('risk-legend').and(page.locator('[data-level="MAJOR"]')).locator('strong')).not.toHaveText('0 项')
  const listed = page.waitForResponse((r) => /\/api\/v1\/risks\?.*likelihood=4/.test(r.url()) && /impact=4/.test(r.url()))
  await clickSquare(page, 4, 4)
  await listed
  await expect(page.getByTestId('risk-cell-chip')).toHaveText('可能性 4 × 影响程度 4')
  await expect(page).toHaveURL(/likelihood=4/)
  await expect(page).toHaveURL(/impact=4/)
  const table = page.getByTestId('risk-table')
  await expect(table.getByTestId('risk-name-link').filter({ hasText: name })).toBeVisible()
  await expect(table.locator('.el-table__row').filter({ hasText: name })).toContainText('重大 16')
  // Every risk listed now sits in that square (polled: the table re-renders after the response).
  await expect
    .poll(async () => {
      const scores = await table.getByTestId('risk-score').allInnerTexts()
      return scores.length > 0 && scores.every((score) => score === '4×4')
    })
    .toBe(true)
  await screenshot(page, '56-risk-heatmap-cell')

  // A second click on the square clears the filter.
  await clickSquare(page, 4, 4)
  await expect(page.getByTestId('risk-cell-chip')).toHaveCount(0)
  await expect(page).not.toHaveURL(/likelihood=/)

  // Another square that this risk is not in.
  await clickSquare(page, 1, 1)
  await expect(page.getByTestId('risk-cell-chip')).toHaveText('可能性 1 × 影响程度 1')
  await expect(table.getByTestId('risk-name-link').filter({ hasText: name })).toHaveCount(0)
  await page.getByTestId('risk-cell-chip').locator('.el-tag__close').click()
  await expect(page.getByTestId('risk-cell-chip')).toHaveCount(0)
  await expect(table.getByTestId('risk-name-link').filter({ hasText: name })).toBeVisible()
  await screenshot(page, '57-risk-list')
})
