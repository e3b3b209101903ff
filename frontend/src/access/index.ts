import type { OperationId } from '@/stores/user'

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

/** What the signed-in user holds: realm roles and the restricted operations GET /me lists. */
export interface Grants {
  roles: readonly string[]
  permissions: readonly string[]
}

/** What a page asks of its reader: any of some roles (reading pages), or an operation (admin features). */
export interface PageRule {
  roles?: readonly Role[] | undefined
  permission?: OperationId | undefined
}

/** The one check of the menu and the route guard. */
export function canOpen(grants: Grants, rule: PageRule | undefined): boolean {
  if (rule === undefined) return true
  if (!hasAccess(grants.roles, rule.roles)) return false
  return rule.permission === undefined || grants.permissions.includes(rule.permission)
}
