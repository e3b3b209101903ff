import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/schema'

export type Me = components['schemas']['Me']

/** The signed-in user as the API describes them (GET /me): name, unit, roles, data scope. */
export const useUserStore = defineStore('user', () => {
  const me = ref<Me | null>(null)

  const roles = computed<readonly string[]>(() => me.value?.roles ?? [])
  const displayName = computed(() => me.value?.displayName ?? me.value?.username ?? '')
  const unitName = computed(() => me.value?.unit?.name ?? '')

  async function load(): Promise<Me> {
    const data = await call(api().GET('/api/v1/me'))
    me.value = data
    return data
  }

  function set(value: Me | null): void {
    me.value = value
  }

  return { me, roles, displayName, unitName, load, set }
})
