import type { RouteRecordRaw } from 'vue-router'
import { canOpen, type Grants } from '@/access'

type MenuIcon = NonNullable<RouteRecordRaw['meta']>['icon']
export type MenuGroupKey = NonNullable<NonNullable<RouteRecordRaw['meta']>['menuGroup']>

export interface MenuEntry {
  path: string
  name: string
  titleKey: string
  icon: MenuIcon
  group?: MenuGroupKey
}

export interface MenuGroup {
  group: MenuGroupKey
  titleKey: string
  icon: MenuIcon
  children: MenuEntry[]
}

export type MenuNode = MenuEntry | MenuGroup

/** Sidebar groups: a title and an icon; their entries are the routes that name the group. */
export const MENU_GROUPS: Readonly<Record<MenuGroupKey, { titleKey: string; icon: MenuIcon }>> = {
  supervision: { titleKey: 'menu.supervision', icon: 'Flag' },
  risk: { titleKey: 'menu.risk', icon: 'Warning' },
  bulk: { titleKey: 'menu.bulk', icon: 'FolderOpened' },
}

export function isMenuGroup(node: MenuNode): node is MenuGroup {
  return 'children' in node
}

/** Sidebar entries: the layout's child routes marked `menu`, those the user may open (roles, permissions). */
export function menuEntries(routes: readonly RouteRecordRaw[], grants: Grants): MenuEntry[] {
  const entries: MenuEntry[] = []
  for (const parent of routes) {
    for (const child of parent.children ?? []) {
      const meta = child.meta
      if (meta?.menu !== true || meta.titleKey === undefined || typeof child.name !== 'string') continue
      if (!canOpen(grants, meta)) continue
      const base = parent.path.endsWith('/') ? parent.path : `${parent.path}/`
      const entry: MenuEntry = { path: `${base}${child.path}`, name: child.name, titleKey: meta.titleKey, icon: meta.icon }
      if (meta.menuGroup !== undefined) entry.group = meta.menuGroup
      entries.push(entry)
    }
  }
  return entries
}

/** The same entries with grouped ones gathered under their group, placed where its first entry is. */
export function menuTree(routes: readonly RouteRecordRaw[], grants: Grants): MenuNode[] {
  const nodes: MenuNode[] = []
  const groups = new Map<MenuGroupKey, MenuGroup>()
  for (const entry of menuEntries(routes, grants)) {
    if (entry.group === undefined) {
      nodes.push(entry)
      continue
    }
    let group = groups.get(entry.group)
    if (group === undefined) {
      group = { group: entry.group, ...MENU_GROUPS[entry.group], children: [] }
      groups.set(entry.group, group)
      nodes.push(group)
    }
    group.children.push(entry)
  }
  return nodes
}
