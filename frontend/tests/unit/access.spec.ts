import { describe, expect, it } from 'vitest'
import { defineComponent, h, withDirectives } from 'vue'
import { mount } from '@vue/test-utils'
import { hasAccess, useAccess, vAccess, type AccessRule } from '@/access'
import { isMenuGroup, menuEntries, menuTree } from '@/layout/menu'
import { createAppRouter } from '@/router'
import { routes } from '@/router/routes'
import { createMemoryHistory } from 'vue-router'
import { setupApp, userWithRoles } from './helpers'

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

describe('useAccess and v-access', () => {
  const Probe = defineComponent({
    props: { rule: { type: [String, Array], required: false } },
    setup(props) {
      const { can } = useAccess()
      return () =>
        h('div', [
          h('span', { class: 'can' }, String(can(props.rule as AccessRule))),
          withDirectives(h('button', { class: 'guarded' }, 'x'), [[vAccess, props.rule as AccessRule]]),
        ])
    },
  })

  it('hides guarded elements from users without the role', () => {
    const { plugins } = setupApp(userWithRoles('unit_officer'))
    const wrapper = mount(Probe, { props: { rule: 'admin' }, global: { plugins } })
    expect(wrapper.find('.can').text()).toBe('false')
    const button = wrapper.find('.guarded').element as HTMLElement
    expect(button.style.display).toBe('none')
    expect(button.getAttribute('aria-hidden')).toBe('true')
  })

  it('shows them to users with any of the roles, and follows a rule change', async () => {
    const { plugins } = setupApp(userWithRoles('auditor'))
    const wrapper = mount(Probe, { props: { rule: 'admin' }, global: { plugins } })
    expect((wrapper.find('.guarded').element as HTMLElement).style.display).toBe('none')
    await wrapper.setProps({ rule: ['auditor', 'admin'] })
    expect(wrapper.find('.can').text()).toBe('true')
    expect((wrapper.find('.guarded').element as HTMLElement).style.display).toBe('')
  })
})

describe('menu and route guard use the same rule', () => {
  it('gives the audit log only to auditors and admins', () => {
    const names = (roles: string[]) => menuEntries(routes, roles).map((entry) => entry.name)
    expect(names(['admin'])).toEqual(['home', 'tasks', 'assignments', 'rectifications', 'risks', 'risk-obligations', 'risk-matrix', 'units', 'audit', 'me'])
    expect(names(['auditor'])).toEqual(['home', 'tasks', 'assignments', 'rectifications', 'risks', 'risk-obligations', 'units', 'audit', 'me'])
    expect(names(['unit_officer'])).toEqual(['home', 'tasks', 'assignments', 'rectifications', 'risks', 'risk-obligations', 'units', 'me'])
  })

  it('gathers 任务列表 and 承办事项 under the 督查督办 group, for every role', () => {
    for (const roles of [['viewer'], ['unit_officer'], ['supervisor'], ['leader']]) {
      const tree = menuTree(routes, roles)
      const group = tree.find(isMenuGroup)
      expect(group?.titleKey).toBe('menu.supervision')
      expect(group?.children.map((entry) => entry.name)).toEqual(['tasks', 'assignments'])
      // The group sits where its first entry would be: right after the dashboard.
      expect(tree.map((node) => (isMenuGroup(node) ? `group:${node.group}` : node.name)).slice(0, 2)).toEqual(['home', 'group:supervision'])
      // 风险防控 gathers the ledger and its reviews & reports, after 整改台账.
      const risk = tree.filter(isMenuGroup).find((node) => node.group === 'risk')
      expect(risk?.titleKey).toBe('menu.risk')
      expect(risk?.children.map((entry) => entry.name)).toEqual(['risks', 'risk-obligations'])
      expect(tree.map((node) => (isMenuGroup(node) ? `group:${node.group}` : node.name)).slice(2, 4)).toEqual(['rectifications', 'group:risk'])
    }
  })

  it('gives the 评分矩阵 page to admins only, under 风险防控', async () => {
    const risk = (roles: string[]) => menuTree(routes, roles).filter(isMenuGroup).find((node) => node.group === 'risk')?.children.map((entry) => entry.name)
    expect(risk(['admin'])).toEqual(['risks', 'risk-obligations', 'risk-matrix'])
    expect(risk(['supervisor'])).toEqual(['risks', 'risk-obligations'])
    setupApp(userWithRoles('supervisor'))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/risk-matrix')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('sends a typed-in address the role does not allow to the 403 page', async () => {
    setupApp(userWithRoles('viewer'))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.query.from).toBe('/audit')
    expect(document.title).toBe('无权访问 - 清风')

    setupApp(userWithRoles('auditor'))
    const allowed = createAppRouter(createMemoryHistory())
    await allowed.push('/audit')
    expect(allowed.currentRoute.value.name).toBe('audit')
    expect(document.title).toBe('审计日志 - 清风')
  })
})
