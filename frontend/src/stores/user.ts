import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import type { components, operations } from '@/api/schema'

export type Me = components['schemas']['Me']
/** An API operation by its operationId (the names `Me.permissions` lists). */
export type OperationId = keyof operations

/**
 * The signed-in user as the API describes them (GET /me): name, unit, roles, data scope, and the
 * restricted operations they may call. Buttons that create records or open admin features ask
 * `hasPermission`; what can be done with a record is that record's `allowedActions`.
 */
export const useUserStore = defineStore('user', () => {
  const me = ref<Me | null>(null)

  const roles = computed<readonly string[]>(() => me.value?.roles ?? [])
  const permissions = computed<readonly string[]>(() => me.value?.permissions ?? [])
  const displayName = computed(() => me.value?.displayName ?? me.value?.username ?? '')
  const unitName = computed(() => me.value?.unit?.name ?? '')

  /** Whether the server lets the caller call this restricted operation (e.g. createTask, listEvents). */
  function hasPermission(operationId: OperationId): boolean {
    return permissions.value.includes(operationId)
  }

  async function load(): Promise<Me> {
    const data = await call(api().GET('/api/v1/me'))
    me.value = data
    return data
  }

  function set(value: Me | null): void {
    me.value = value
  }

  return { me, roles, permissions, displayName, unitName, hasPermission, load, set }
})
