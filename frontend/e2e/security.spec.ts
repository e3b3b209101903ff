import { expect, test } from '@playwright/test'
import { login } from './helpers'

/**
 * The served app runs under its Content-Security-Policy: every page a user opens works with it
 * (no violation reported), and an injected inline script is refused.
 */
test('the app works under its content security policy and refuses inline script', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  // Read the header without navigating: the page itself redirects to Keycloak at once, and a second
  // navigation (the login below) would race that redirect.
  const response = await page.request.get('/')
  const policy = response.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("script-src 'self'")
  expect(policy).toContain('http://127.0.0.1:8080')

  await login(page, 'jiandu', '/')
  for (const path of ['/tasks', '/rectifications', '/risks', '/risk-matrix', '/units', '/audit']) {
    await page.goto(path)
    await expect(page.getByTestId('side-menu')).toBeVisible()
    await expect(page.locator('.el-loading-mask')).toHaveCount(0)
  }
  // The risk list draws its heatmap on a canvas.
  await page.goto('/risks')
  await expect(page.getByTestId('risk-heatmap').locator('canvas').first()).toBeVisible()

  expect(violations).toEqual([])

  const outcome = await page.evaluate(async () => {
    const flag = window as unknown as { injected?: boolean }
    const refused = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true })
    })
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.appendChild(script)
    // An inline script runs on insertion, or is refused then: the report is the condition waited for.
    return { ran: flag.injected === true, directive: await refused }
  })
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' })
})
