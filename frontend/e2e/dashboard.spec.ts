import { expect, test, type Page } from '@playwright/test'
import { apiAs, login, screenshot } from './helpers'

interface Figure {
  key: string
  value: number
  previous?: number
  dims?: Record<string, string>
  drill?: { list: string; query: Record<string, string> }
}

interface Statistics {
  period: { code: string; words: string }
  unit?: { id: string; code: string; name: string }
  figures: Figure[]
  units: Record<string, { id: string; code: string; name: string }>
}

interface Page_ {
  items: unknown[]
  total?: number
}

/** GET as a demo user, the JSON answer (the API's own word on what the page must show). */
async function getAs<T>(username: string, path: string, query: Record<string, string> = {}): Promise<T> {
  const api = await apiAs(username)
  try {
    const response = await api.get(path, { params: query })
    expect(response.ok(), `GET ${path}`).toBe(true)
    return (await response.json()) as T
  } finally {
    await api.dispose()
  }
}

async function openDashboard(page: Page, username: string): Promise<void> {
  await login(page, username)
  await expect(page.getByTestId('dashboard')).toBeVisible()
  // The figures have arrived once the scope names the period.
  await expect(page.getByTestId('dashboard-scope')).toContainText('·')
}

/** The number a clickable figure shows. */
async function shownNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim()
  expect(text).toMatch(/^\d+$/)
  return Number(text)
}

test('the leader clicks a unit’s red count and lands on exactly those assignments', async ({ page }) => {
  const stats = await getAs<Statistics>('lingdao', '/api/v1/statistics')
  const red = stats.figures.find((figure) => figure.key === 'warn.assignments.RED' && figure.value > 0)
  expect(red, 'the demo data has a unit with overdue assignments').toBeDefined()
  const unitId = red?.dims?.unitId ?? ''
  const unit = stats.units[unitId]
  expect(unit).toBeDefined()
  const code = unit?.code ?? ''

  await openDashboard(page, 'lingdao')
  await expect(page.getByTestId('dashboard-scope')).toContainText(stats.period.words)
  const row = page.getByTestId(`warn-row-${code}`)
  await expect(row).toBeVisible()
  await expect(row).toContainText(unit?.name ?? '')
  await expect(page.getByTestId('warn-chart')).toBeVisible()
  await screenshot(page, 'dashboard-leader')

  const clicked = await shownNumber(page, `warn-red-${code}`)
  expect(clicked).toBe(red?.value)
  await page.getByTestId(`warn-red-${code}`).click()

  await expect(page).toHaveURL(/\/assignments\?/)
  const url = new URL(page.url())
  expect(Object.fromEntries(url.searchParams)).toEqual(red?.drill?.query)

  // The list says where it comes from, in words (the unit's name, not its id) …
  const alert = page.getByTestId('drill-alert')
  await expect(alert).toBeVisible()
  await expect(alert).toContainText(unit?.name ?? '')
  await expect(alert).not.toContainText(unitId)
  // … and shows exactly the records counted: the total, the rows, and what the API answers for the same query.
  const api = await getAs<Page_>('lingdao', '/api/v1/assignments', { unitId, warning: 'RED', includeTotal: 'true', limit: '100' })
  expect(api.total).toBe(clicked)
  await expect(page.getByTestId('drill-total')).toHaveAttribute('data-total', String(clicked))
  const rows = page.getByTestId('assignment-list').locator('.el-table__body-wrapper .el-table__row')
  await expect(rows).toHaveCount(Math.min(clicked, 20))
  for (const text of await rows.allInnerTexts()) expect(text).toContain(unit?.name ?? '')
  await expect(page.getByTestId('assignment-list').getByTestId('warning-tag')).toHaveCount(Math.min(clicked, 20))
  await screenshot(page, 'dashboard-drill-assignments')

  // Back to the plain list: the drill's conditions go, "only open ones" is back.
  await page.getByTestId('drill-clear').click()
  await expect(page.getByTestId('drill-alert')).toBeHidden()
  await expect(page).not.toHaveURL(/unitId=/)
})

test('a period figure lists every assignment it counts, closed ones too', async ({ page }) => {
  const stats = await getAs<Statistics>('lingdao', '/api/v1/statistics')
  const issued = stats.figures.find((figure) => figure.key === 'tasks.issued')
  expect(issued?.value ?? 0).toBeGreaterThan(0)

  await openDashboard(page, 'lingdao')
  expect(await shownNumber(page, 'fig-tasks.issued')).toBe(issued?.value)
  await page.getByTestId('fig-tasks.issued').click()
  await expect(page).toHaveURL(/\/assignments\?/)
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(issued?.drill?.query)
  await expect(page.getByTestId('drill-total')).toHaveAttribute('data-total', String(issued?.value))
  await expect(page.getByTestId('assignment-filter-open')).toHaveClass(/is-disabled/)

  // The other ledgers' figures open their lists the same way: work records, open risks by level.
  const records = stats.figures.find((figure) => figure.key.startsWith('records.') && figure.value > 0)
  const major = stats.figures.find((figure) => figure.key.startsWith('risks.level.') && figure.value > 0)
  for (const [target, list, table] of [
    [records, '/records', 'record-table'],
    [major, '/risks', 'risk-table'],
  ] as const) {
    if (target === undefined) continue
    await page.goBack()
    await expect(page.getByTestId(`fig-${target.key}`)).toHaveText(String(target.value))
    await page.getByTestId(`fig-${target.key}`).click()
    await expect(page).toHaveURL(new RegExp(`${list}\\?`))
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(target.drill?.query)
    await expect(page.getByTestId(table).locator('.el-table__body-wrapper .el-table__row')).toHaveCount(Math.min(target.value, 20))
    if (list === '/records') {
      // A record opens its task's page with its assignment chosen.
      await page.getByTestId('record-open-task').first().click()
      await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}\?assignment=[0-9a-f-]{36}/)
      await page.goBack()
    }
  }
})

test('the period picker and the unit picker narrow the figures, kept in the URL', async ({ page }) => {
  await openDashboard(page, 'lingdao')
  await page.getByTestId('period-kind-QUARTER').click()
  await expect(page).toHaveURL(/period=\d{4}Q[1-4]/)
  const quarter = new URL(page.url()).searchParams.get('period') ?? ''
  const stats = await getAs<Statistics>('lingdao', '/api/v1/statistics', { period: quarter })
  await expect(page.getByTestId('dashboard-scope')).toContainText(stats.period.words)
  const issued = stats.figures.find((figure) => figure.key === 'tasks.issued')
  await expect(page.getByTestId('fig-tasks.issued')).toHaveText(String(issued?.value ?? 0))
  if (issued?.previous !== undefined) await expect(page.getByTestId('prev-tasks.issued')).toContainText(String(issued.previous))

  // One unit and those below it: the scope names it, the figures are the API's for that unit.
  const unit = Object.values(stats.units)[0]
  expect(unit).toBeDefined()
  await page.locator('.el-select[data-testid="dashboard-unit"]').click()
  await page.locator('.el-tree[data-testid="dashboard-unit"] .el-tree-node__content').filter({ hasText: unit?.name ?? '' }).first().click()
  await expect(page).toHaveURL(new RegExp(`unitId=${unit?.id ?? ''}`))
  await expect(page).toHaveURL(new RegExp(`period=${quarter}`))
  await expect(page.getByTestId('dashboard-scope')).toContainText(unit?.name ?? '')
  const forUnit = await getAs<Statistics>('lingdao', '/api/v1/statistics', { period: quarter, unitId: unit?.id ?? '' })
  const unitIssued = forUnit.figures.find((figure) => figure.key === 'tasks.issued')
  await expect(page.getByTestId('fig-tasks.issued')).toHaveText(String(unitIssued?.value ?? 0))
  expect(unitIssued?.drill?.query).toMatchObject({ unitId: unit?.id, subtree: 'true' })
})

test('a unit officer sees only their own units on the dashboard', async ({ page }) => {
  const me = await getAs<{ scope: { units: { id: string; code: string; name: string }[] } }>('cg_officer', '/api/v1/me')
  const scopeCodes = me.scope.units.map((unit) => unit.code)
  const stats = await getAs<Statistics>('cg_officer', '/api/v1/statistics')
  for (const unit of Object.values(stats.units)) expect(scopeCodes).toContain(unit.code)

  await openDashboard(page, 'cg_officer')
  await expect(page.getByTestId('my-todos')).toBeVisible()
  await expect(page.getByTestId('dashboard-scope')).toContainText(stats.unit?.name ?? '')

  // Every unit row of every breakdown is one of the officer's units.
  const rows = page.locator('[data-testid^="warn-row-"], [data-testid^="rect-unit-row-"]')
  await expect(rows.first()).toBeVisible()
  for (const testId of await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''))) {
    expect(scopeCodes).toContain(testId.replace(/^(warn|rect-unit)-row-/, ''))
  }
  // The unit picker offers their units only.
  await page.locator('.el-select[data-testid="dashboard-unit"]').click()
  const options = page.locator('.el-tree[data-testid="dashboard-unit"] .el-tree-node__content')
  await expect(options.first()).toBeVisible()
  expect((await options.allInnerTexts()).map((text) => text.trim()).sort()).toEqual(me.scope.units.map((unit) => unit.name).sort())
  await page.keyboard.press('Escape')
  await screenshot(page, 'dashboard-officer')

  // Their red count opens their list, the same number the API answers.
  const red = stats.figures.find((figure) => figure.key === 'warn.assignments.RED' && figure.value > 0)
  if (red !== undefined) {
    const code = stats.units[red.dims?.unitId ?? '']?.code ?? ''
    await page.getByTestId(`warn-red-${code}`).click()
    await expect(page).toHaveURL(/\/assignments\?/)
    const api = await getAs<Page_>('cg_officer', '/api/v1/assignments', { ...red.drill?.query, includeTotal: 'true' })
    expect(api.total).toBe(red.value)
    await expect(page.getByTestId('drill-total')).toHaveAttribute('data-total', String(red.value))
  }
})
