import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/schema'

export type RiskMatrix = components['schemas']['RiskMatrix']

/**
 * The current scoring matrix (labels, thresholds, colours): read once per session, since every
 * risk page shows levels in its colours; a matrix version is rarely changed.
 */
export const useRiskMatrixStore = defineStore('riskMatrix', () => {
  const current = shallowRef<RiskMatrix | null>(null)
  let pending: Promise<RiskMatrix> | null = null

  async function load(force = false): Promise<RiskMatrix> {
    if (current.value !== null && !force) return current.value
    if (pending !== null && !force) return pending
    pending = call(api().GET('/api/v1/risk-matrix'))
      .then((matrix) => {
        current.value = matrix
        return matrix
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  return { current, load }
})
