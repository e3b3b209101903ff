import type { Directive, DirectiveBinding } from 'vue'
import { useUserStore } from '@/stores/user'

/** Keycloak realm roles (see DESIGN.md, "Who uses it"). */
export const ROLES = ['admin', 'supervisor', 'leader', 'unit_officer', 'viewer', 'auditor', 'integration', 'importer'] as const
export type Role = (typeof ROLES)[number]

/** One role, or a list meaning "any of these"; undefined or an empty list means everyone signed in. */
export type AccessRule = Role | readonly Role[] | undefined

export function hasAccess(userRoles: readonly string[], rule: AccessRule): boolean {
  if (rule === undefined) return true
  const required: readonly Role[] = typeof rule === 'string' ? [rule] : rule
  return required.length === 0 || required.some((role) => userRoles.includes(role))
}

/** The one role check for scripts and templates: `const { can } = useAccess(); can('admin')`. */
export function useAccess() {
  const user = useUserStore()
  return {
    can: (rule: AccessRule): boolean => hasAccess(user.roles, rule),
  }
}

function apply(el: HTMLElement, binding: DirectiveBinding<AccessRule>): void {
  const allowed = hasAccess(useUserStore().roles, binding.value)
  // Hide rather than detach: Vue still owns the node and may patch or unmount it later.
  if (allowed) {
    if (el.dataset.accessDenied !== undefined) {
      el.style.display = el.dataset.accessDisplay ?? ''
      delete el.dataset.accessDenied
      delete el.dataset.accessDisplay
      el.removeAttribute('aria-hidden')
    }
  } else if (el.dataset.accessDenied === undefined) {
    el.dataset.accessDenied = ''
    el.dataset.accessDisplay = el.style.display
    el.style.display = 'none'
    el.setAttribute('aria-hidden', 'true')
  }
}

/** `v-access="'admin'"` or `v-access="['admin', 'supervisor']"`: hides the element without the role. */
export const vAccess: Directive<HTMLElement, AccessRule> = {
  mounted: apply,
  updated: apply,
}

declare module 'vue' {
  interface GlobalDirectives {
    vAccess: typeof vAccess
  }
}
