import { describe, expect, it } from 'vitest'
import { canOpen, hasAccess, type Grants } from '@/access'
import { isMenuGroup, menuEntries, menuTree } from '@/layout/menu'
import { createAppRouter } from '@/router'
import { routes } from '@/router/routes'
import { createMemoryHistory } from 'vue-router'
import { setupApp, userWith, userWithRoles } from './helpers'

describe('hasAccess', () => {
  it('allows everyone when no role is required', () => {
    expect(hasAccess([], undefined)).toBe(true)
    expect(hasAccess([], [])).toBe(true)
  })

  it('needs the one role, or any of a list', () => {
    expect(hasAccess(['auditor'], 'admin')).toBe(false)
    expect(hasAccess(['admin'], 'admin')).toBe(true)
    expect(hasAccess(['auditor'], ['auditor', 'admin'])).toBe(true)
    expect(hasAccess(['viewer', 'unit_officer'], ['auditor', 'admin'])).toBe(false)
  })
})

describe('canOpen', () => {
  it('asks a page’s roles and its permission', () => {
    const officer = { roles: ['unit_officer'], permissions: ['createRisk'] }
    expect(canOpen(officer, undefined)).toBe(true)
    expect(canOpen(officer, {})).toBe(true)
    expect(canOpen(officer, { roles: ['supervisor'] })).toBe(false)
    expect(canOpen(officer, { permission: 'listEvents' })).toBe(false)
    expect(canOpen({ roles: ['auditor'], permissions: ['listEvents'] }, { permission: 'listEvents' })).toBe(true)
    expect(canOpen({ roles: ['auditor'], permissions: ['listEvents'] }, { roles: ['admin'], permission: 'listEvents' })).toBe(false)
  })
})

/** Roles with the restricted operations GET /me lists for them (a part of the server's access table). */
const GRANTS: Readonly<Record<string, Grants>> = {
  admin: { roles: ['admin'], permissions: ['listEvents', 'verifyJournal', 'createRiskMatrix', 'createUnit', 'listWebhookSubscriptions'] },
  auditor: { roles: ['auditor'], permissions: ['listEvents', 'verifyJournal'] },
  supervisor: { roles: ['supervisor'], permissions: ['createTask', 'createRectification', 'createRisk', 'gradeRisk'] },
  unit_officer: { roles: ['unit_officer'], permissions: ['createRisk', 'acceptAssignment'] },
  leader: { roles: ['leader'], permissions: [] },
  viewer: { roles: ['viewer'], permissions: [] },
}
const grants = (role: string): Grants => GRANTS[role] ?? { roles: [role], permissions: [] }

describe('menu and route guard use the same rule', () => {
  it('gives the audit log to those the server lets read the journal', () => {
    const names = (role: string) => menuEntries(routes, grants(role)).map((entry) => entry.name)
    expect(names('admin')).toEqual(['home', 'tasks', 'assignments', 'records', 'rectifications', 'risks', 'risk-obligations', 'risk-matrix', 'reports', 'units', 'audit', 'integration', 'me'])
    expect(names('auditor')).toEqual(['home', 'tasks', 'assignments', 'records', 'rectifications', 'risks', 'risk-obligations', 'reports', 'units', 'audit', 'me'])
    expect(names('unit_officer')).toEqual(['home', 'todos', 'tasks', 'assignments', 'records', 'rectifications', 'risks', 'risk-obligations', 'reports', 'units', 'me'])
    // The permission decides, not the role's name.
    expect(menuEntries(routes, { roles: ['auditor'], permissions: [] }).map((entry) => entry.name)).not.toContain('audit')
  })

  it('gathers 任务列表 and 承办事项 under the 督查督办 group, for every role', () => {
    for (const role of ['viewer', 'unit_officer', 'supervisor', 'leader']) {
      // 待办中心 (for the roles with to-dos) comes right after the dashboard; the ledgers follow.
      const tree = menuTree(routes, grants(role)).filter((node) => isMenuGroup(node) || node.name !== 'todos')
      const group = tree.find(isMenuGroup)
      expect(group?.titleKey).toBe('menu.supervision')
      expect(group?.children.map((entry) => entry.name)).toEqual(['tasks', 'assignments', 'records'])
      // The group sits where its first entry would be: right after the dashboard.
      expect(tree.map((node) => (isMenuGroup(node) ? `group:${node.group}` : node.name)).slice(0, 2)).toEqual(['home', 'group:supervision'])
      // 风险防控 gathers the ledger and its reviews & reports, after 整改台账.
      const risk = tree.filter(isMenuGroup).find((node) => node.group === 'risk')
      expect(risk?.titleKey).toBe('menu.risk')
      expect(risk?.children.map((entry) => entry.name)).toEqual(['risks', 'risk-obligations'])
      expect(tree.map((node) => (isMenuGroup(node) ? `group:${node.group}` : node.name)).slice(2, 4)).toEqual(['rectifications', 'group:risk'])
    }
  })

  it('gives 待办中心 to the roles the ledgers ask work of, and 集成管理 to those who may manage webhooks', () => {
    const names = (role: string) => menuEntries(routes, grants(role)).map((entry) => entry.name)
    for (const role of ['unit_officer', 'supervisor']) expect(names(role).slice(0, 2)).toEqual(['home', 'todos'])
    for (const role of ['viewer', 'leader', 'auditor', 'admin']) expect(names(role)).not.toContain('todos')
    expect(names('admin')).toContain('integration')
    for (const role of ['supervisor', 'unit_officer', 'auditor', 'leader']) expect(names(role)).not.toContain('integration')
    // The permission decides, not the role's name.
    expect(menuEntries(routes, { roles: ['admin'], permissions: [] }).map((entry) => entry.name)).not.toContain('integration')
  })

  it('gives the 评分矩阵 page to those who may publish a matrix, under 风险防控', async () => {
    const risk = (role: string) => menuTree(routes, grants(role)).filter(isMenuGroup).find((node) => node.group === 'risk')?.children.map((entry) => entry.name)
    expect(risk('admin')).toEqual(['risks', 'risk-obligations', 'risk-matrix'])
    expect(risk('supervisor')).toEqual(['risks', 'risk-obligations'])
    setupApp(userWith(['supervisor'], ['createTask', 'createRectification', 'createRisk']))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/risk-matrix')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('sends a typed-in address the user may not open to the 403 page', async () => {
    setupApp(userWithRoles('viewer'))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.query.from).toBe('/audit')
    expect(document.title).toBe('无权访问 - 清风')

    setupApp(userWith(['auditor'], ['listEvents', 'verifyJournal']))
    const allowed = createAppRouter(createMemoryHistory())
    await allowed.push('/audit')
    expect(allowed.currentRoute.value.name).toBe('audit')
    expect(document.title).toBe('审计日志 - 清风')
  })

  it('keeps 集成管理 from a typed-in address without the webhook permission', async () => {
    setupApp(userWith(['supervisor'], ['createTask']))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/admin/integration')
    expect(router.currentRoute.value.name).toBe('forbidden')
    await router.push('/todos')
    expect(router.currentRoute.value.name).toBe('todos')
  })
})
