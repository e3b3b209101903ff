import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium (never a downloaded browser): CHROMIUM_PATH, else /usr/bin/chromium. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (path): path is string => path !== undefined && path !== '',
  )
  const found = candidates.find((path) => existsSync(path))
  if (found === undefined) throw new Error('Chromium not found: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)')
  return found
}

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5173'

export default defineConfig({
  testDir: './e2e',
  // Only this sub-folder is wiped per run; screenshots and reporter files live beside it.
  outputDir: './test-results/artifacts',
  // One shared backend and Keycloak, two cores: run the specs one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: './test-results/reports/playwright.json' }]],
  projects: [
    { name: 'ledgers', testIgnore: /risks\.spec\.ts$/ },
    // The risk story moves the application clock forward: run it after everything else, so no other
    // spec's deadlines (or the schedulers acting on them meanwhile) ever see the moved time.
    // (`npx playwright test e2e/risks.spec.ts --no-deps` runs it alone.)
    { name: 'clock', testMatch: /risks\.spec\.ts$/, dependencies: ['ledgers'] },
  ],
  use: {
    baseURL,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
})
