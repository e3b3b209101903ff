import { expect, test } from '@playwright/test'
import { login, menuTexts, screenshot } from './helpers'

test.describe('login and menus', () => {
  test('admin signs in through Keycloak and sees every menu entry', async ({ page }) => {
    await login(page, 'admin', '/', '00-keycloak-login')

    await expect(page.getByTestId('greeting')).toContainText('张伟')
    await expect(page.getByTestId('user-name')).toHaveText('张伟')
    await expect(page.getByTestId('user-unit')).toHaveText('办公室')
    await expect(page.getByTestId('home-unit')).toHaveText('办公室')
    await expect(page.getByTestId('home-roles')).toContainText('系统管理员')
    expect(await menuTexts(page)).toEqual(['工作台', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '评分矩阵', '工作报告', '组织机构', '审计日志', '集成管理', '个人信息'])
    await expect(page).toHaveTitle('工作台 - 清风')

    // Tokens live in memory only: nothing JWT-like in web storage.
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`)),
    )
    expect(stored.filter((entry) => /eyJ[\w-]+\.[\w-]+\./.test(entry))).toEqual([])

    await screenshot(page, '01-home-admin')
  })

  test('unit officer sees no audit log and no unit-admin buttons', async ({ page }) => {
    await login(page, 'cg_officer')

    await expect(page.getByTestId('user-name')).toHaveText('刘洋')
    await expect(page.getByTestId('user-unit')).toHaveText('体育场馆管理中心')
    expect(await menuTexts(page)).toEqual(['工作台', '待办中心', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '工作报告', '导入数据', '导入记录', '组织机构', '个人信息'])

    await page.getByTestId('menu-units').click()
    await expect(page).toHaveTitle('组织机构 - 清风')
    await page.getByTestId('unit-tree').getByText('体育场馆管理中心', { exact: true }).click()
    await expect(page.getByTestId('unit-detail-code')).toHaveText('SJ-CGZX')
    await expect(page.getByTestId('unit-create')).toBeHidden()
    await expect(page.getByTestId('unit-create-child')).toHaveCount(0)
    await expect(page.getByTestId('unit-edit')).toHaveCount(0)
    await expect(page.getByTestId('unit-deactivate')).toHaveCount(0)
    await screenshot(page, '05-units-officer')

    // Typing the address does not get around the menu.
    await page.goto('/audit')
    await expect(page.getByTestId('forbidden')).toBeVisible()
    await expect(page).toHaveTitle('无权访问 - 清风')
    await screenshot(page, '08-forbidden-officer')
  })

  test('a deep link survives the login round trip', async ({ page }) => {
    await login(page, 'cg_viewer', '/me')
    await expect(page).toHaveURL(/\/me$/)
    await expect(page.getByTestId('me')).toContainText('周婷')
    await expect(page.getByTestId('me')).toContainText('普通查看')
    await screenshot(page, '07-me-viewer')
  })

  test('an expired session goes back to login and returns to the same page', async ({ page, context }) => {
    await login(page, 'admin', '/audit?action=unit.')
    await expect(page.getByTestId('filter-action')).toHaveValue('unit.')
    // The SSO session is gone (cookies cleared) and the API refuses the token: the app must re-login.
    await context.clearCookies()
    let refused = false
    await page.route('**/api/v1/events?**', async (route) => {
      if (refused) return route.continue()
      refused = true
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' }),
      })
    })
    await page.getByTestId('audit-search').click()
    await expect(page.locator('#kc-login')).toBeVisible()
    await page.locator('#username').fill('admin')
    await page.locator('#password').fill('qingfeng')
    await page.locator('#kc-login').click()
    await expect(page).toHaveURL(/\/audit\?action=unit\.$/)
    await expect(page.getByTestId('filter-action')).toHaveValue('unit.')
    await expect(page.getByTestId('audit-table')).toContainText('unit.')
  })

  test('unknown pages show a friendly 404 inside the frame', async ({ page }) => {
    await login(page, 'lingdao', '/no/such/page')
    await expect(page.getByTestId('not-found')).toBeVisible()
    await expect(page).toHaveTitle('页面不存在 - 清风')
    await screenshot(page, '09-not-found')
  })

  test('logout ends the Keycloak session', async ({ page }) => {
    await login(page, 'jiandu')
    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await expect(page.locator('#kc-login')).toBeVisible()
    // Opening the app again asks for the password: the SSO session is gone, not just our tokens.
    await page.goto('/')
    await expect(page.locator('#kc-login')).toBeVisible()
  })
})
