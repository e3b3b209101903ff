import { mkdirSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

export const PASSWORD = 'qingfeng'
export const SCREENSHOT_DIR = 'test-results/screenshots'

/**
 * Opens `path` and signs in on the real Keycloak login page (authorization code + PKCE), then
 * waits until the app shell is shown at that path.
 */
export async function login(page: Page, username: string, path = '/', screenshotName?: string): Promise<void> {
  await page.goto(path)
  await expect(page.locator('#kc-login')).toBeVisible()
  expect(page.url()).toContain('/realms/qingfeng/protocol/openid-connect/auth')
  expect(page.url()).toContain('code_challenge_method=S256')
  if (screenshotName !== undefined) await screenshot(page, screenshotName)
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(PASSWORD)
  await page.locator('#kc-login').click()
  await expect(page.getByTestId('side-menu')).toBeVisible()
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Let transitions, fonts and late messages settle; animations are frozen by Playwright.
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true, animations: 'disabled' })
}

/** Menu entries shown in the sidebar, in order. */
export async function menuTexts(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('.el-menu-item')
  return (await items.allInnerTexts()).map((text) => text.trim())
}

/** A unit code nobody has used yet (codes are permanent, so each run needs its own). */
export function uniqueCode(prefix = 'E2E'): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`
}

/** Clicks a unit in the 组织机构 tree by its exact name. */
export async function selectUnit(page: Page, name: string): Promise<void> {
  await page.getByTestId('unit-tree').locator('.el-tree-node__content').filter({ hasText: name }).first().click()
  await expect(page.getByTestId('unit-detail-name')).toHaveText(name)
}
