import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/schema'

export type UnitTreeNode = components['schemas']['UnitTreeNode']

/** Walks the tree depth-first. */
export function flattenTree(nodes: readonly UnitTreeNode[]): UnitTreeNode[] {
  const out: UnitTreeNode[] = []
  const visit = (list: readonly UnitTreeNode[]): void => {
    for (const node of list) {
      out.push(node)
      visit(node.children ?? [])
    }
  }
  visit(nodes)
  return out
}

/** The unit tree (a few hundred units at most), cached for names in lists and unit pickers. */
export const useUnitsStore = defineStore('units', () => {
  const tree = ref<UnitTreeNode[]>([])
  const loaded = ref(false)
  let pending: Promise<UnitTreeNode[]> | null = null

  const byId = computed(() => {
    const map = new Map<string, UnitTreeNode>()
    for (const node of flattenTree(tree.value)) if (node.id !== undefined) map.set(node.id, node)
    return map
  })

  async function load(force = false): Promise<UnitTreeNode[]> {
    if (loaded.value && !force) return tree.value
    if (pending !== null && !force) return pending
    pending = call(api().GET('/api/v1/units/tree', { params: { query: { includeInactive: true } } }))
      .then((nodes) => {
        tree.value = nodes
        loaded.value = true
        return nodes
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  function nameOf(id: string | undefined | null): string {
    if (id === undefined || id === null) return ''
    return byId.value.get(id)?.name ?? ''
  }

  return { tree, loaded, byId, load, nameOf }
})
