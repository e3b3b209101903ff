import { expect, test } from '@playwright/test'
import { login, menuTexts, screenshot } from './helpers'

test('the language switch changes the UI and is remembered', async ({ page }) => {
  await login(page, 'lingdao')
  expect(await menuTexts(page)).toEqual(['工作台', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '工作报告', '组织机构', '个人信息'])

  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('side-menu')).toContainText('Organisation')
  expect(await menuTexts(page)).toEqual(['Dashboard', 'Tasks', 'Assignments', 'Work records', 'Rectifications', 'Risk ledger', 'Reviews & reports', 'Work reports', 'Organisation', 'My profile'])
  await expect(page).toHaveTitle('Dashboard - 清风')
  await expect(page.getByTestId('home-roles')).toContainText('Bureau leader')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await screenshot(page, '12-home-english')

  // Remembered in localStorage across a reload (which logs in again silently through SSO).
  await page.reload()
  await expect(page.getByTestId('side-menu')).toContainText('Organisation')
  await page.getByTestId('menu-units').click()
  await expect(page).toHaveTitle('Organisation - 清风')
  await expect(page.getByTestId('unit-tree')).toContainText('Department')

  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  await expect(page).toHaveTitle('组织机构 - 清风')
  expect(await menuTexts(page)).toEqual(['工作台', '任务列表', '承办事项', '工作记录', '整改台账', '风险台账', '研判与报告', '工作报告', '组织机构', '个人信息'])
})
