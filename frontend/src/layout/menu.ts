import type { RouteRecordRaw } from 'vue-router'
import { hasAccess } from '@/access'

export interface MenuEntry {
  path: string
  name: string
  titleKey: string
  icon: NonNullable<RouteRecordRaw['meta']>['icon']
}

/** Sidebar entries: the layout's child routes marked `menu`, filtered by the user's roles. */
export function menuEntries(routes: readonly RouteRecordRaw[], roles: readonly string[]): MenuEntry[] {
  const entries: MenuEntry[] = []
  for (const parent of routes) {
    for (const child of parent.children ?? []) {
      const meta = child.meta
      if (meta?.menu !== true || meta.titleKey === undefined || typeof child.name !== 'string') continue
      if (!hasAccess(roles, meta.roles)) continue
      const base = parent.path.endsWith('/') ? parent.path : `${parent.path}/`
      entries.push({ path: `${base}${child.path}`, name: child.name, titleKey: meta.titleKey, icon: meta.icon })
    }
  }
  return entries
}
