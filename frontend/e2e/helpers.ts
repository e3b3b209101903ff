import { mkdirSync } from 'node:fs'
import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test'

export const PASSWORD = 'qingfeng'
export const SCREENSHOT_DIR = 'test-results/screenshots'
export const API_URL = process.env.E2E_API_URL ?? 'http://127.0.0.1:8080'
export const KEYCLOAK_URL = process.env.E2E_KEYCLOAK_URL ?? 'http://127.0.0.1:8180'

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

/**
 * An action the server blocks by a rule (its `allowedActions` entry): the button is shown, disabled,
 * and hovering it shows the server's reason in a tooltip (on the span around the button, since a
 * disabled button takes no hover).
 */
export async function expectBlocked(page: Page, button: Locator, reason: string | RegExp): Promise<void> {
  await expect(button).toBeVisible()
  await expect(button).toBeDisabled()
  await button.locator('xpath=..').hover()
  await expect(page.locator('.el-popper').filter({ hasText: reason })).toBeVisible()
  // Move away so the tooltip closes and covers nothing the test clicks next.
  await page.mouse.move(0, 0)
  await expect(page.locator('.el-popper').filter({ hasText: reason })).toBeHidden()
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

/**
 * An API client signed in as a demo user, for setting the scene around a browser story (e.g. the
 * test clock): a password grant on the dev/test-only client `qingfeng-dev`, as the backend suites do.
 * Dispose it when done.
 */
export async function apiAs(username: string): Promise<APIRequestContext> {
  const keycloak = await request.newContext()
  try {
    const response = await keycloak.post(`${KEYCLOAK_URL}/realms/qingfeng/protocol/openid-connect/token`, {
      form: { grant_type: 'password', client_id: 'qingfeng-dev', username, password: PASSWORD },
    })
    expect(response.ok(), `token for ${username}`).toBe(true)
    const { access_token: token } = (await response.json()) as { access_token: string }
    return await request.newContext({ baseURL: API_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } })
  } finally {
    await keycloak.dispose()
  }
}

/**
 * Runs the application clock `offsetSeconds` ahead of real time (0 resets). Only a backend started
 * with QF_CLOCK_ADJUSTABLE=true answers; it returns the application's time now.
 */
export async function setAppClock(offsetSeconds: number): Promise<Date> {
  const admin = await apiAs('admin')
  try {
    const response = await admin.put('/api/v1/testing/clock', { data: { offsetSeconds } })
    expect(response.status(), 'PUT /api/v1/testing/clock (backend needs QF_CLOCK_ADJUSTABLE=true)').toBe(200)
    const { now } = (await response.json()) as { now: string }
    return new Date(now)
  } finally {
    await admin.dispose()
  }
}

/** A calendar date in Beijing time, "2026-11-27". */
export function shanghaiDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}
