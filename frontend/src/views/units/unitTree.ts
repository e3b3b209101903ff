import type { components } from '@/api/schema'

export type UnitKind = components['schemas']['UnitKind']
export type UnitTreeNode = components['schemas']['UnitTreeNode']

export const UNIT_KINDS: readonly UnitKind[] = ['BUREAU', 'DEPARTMENT', 'AFFILIATED', 'BRANCH']

/** Keeps active units only (an inactive unit hides its whole subtree). */
export function activeOnly(nodes: readonly UnitTreeNode[]): UnitTreeNode[] {
  return nodes
    .filter((node) => node.active !== false)
    .map((node) => ({ ...node, children: activeOnly(node.children ?? []) }))
}

export function findNode(nodes: readonly UnitTreeNode[], id: string): UnitTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const found = findNode(node.children ?? [], id)
    if (found !== undefined) return found
  }
  return undefined
}

/** Ids of a unit and everything below it: a unit cannot move under itself or its descendants. */
export function subtreeIds(node: UnitTreeNode | undefined): Set<string> {
  const ids = new Set<string>()
  const visit = (current: UnitTreeNode): void => {
    if (current.id !== undefined) ids.add(current.id)
    for (const child of current.children ?? []) visit(child)
  }
  if (node !== undefined) visit(node)
  return ids
}

/** Parent of the unit with the given id, if any. */
export function parentOf(nodes: readonly UnitTreeNode[], id: string, parent?: UnitTreeNode): UnitTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return parent
    const found = parentOf(node.children ?? [], id, node)
    if (found !== undefined) return found
  }
  return undefined
}

/** The kind a new child usually has: departments/affiliated units under the bureau, branches below. */
export function defaultChildKind(parentKind: UnitKind | undefined): UnitKind {
  return parentKind === 'BUREAU' ? 'DEPARTMENT' : 'BRANCH'
}

/** A copy of the tree whose listed units are disabled (for pickers). */
export function withDisabled(nodes: readonly UnitTreeNode[], disabled: Set<string>): (UnitTreeNode & { disabled?: boolean })[] {
  return nodes.map((node) => ({
    ...node,
    disabled: (node.id !== undefined && disabled.has(node.id)) || node.active === false,
    children: withDisabled(node.children ?? [], disabled),
  }))
}
