/** Deploy-time settings, read from /config.json before the app mounts (no rebuild to change them). */
export interface AppConfig {
  apiBaseUrl: string
  keycloakUrl: string
  realm: string
  clientId: string
}

export const DEFAULT_CONFIG: Readonly<AppConfig> = Object.freeze({
  apiBaseUrl: 'http://127.0.0.1:8080',
  keycloakUrl: 'http://127.0.0.1:8180',
  realm: 'qingfeng',
  clientId: 'qingfeng-spa',
})

function pickString(source: Record<string, unknown>, key: keyof AppConfig, fallback: string): string {
  const value = source[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback
}

/** Merges a parsed config.json over the defaults; unknown or ill-typed members are ignored. */
export function parseConfig(raw: unknown): AppConfig {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  return {
    apiBaseUrl: pickString(source, 'apiBaseUrl', DEFAULT_CONFIG.apiBaseUrl).replace(/\/+$/, ''),
    keycloakUrl: pickString(source, 'keycloakUrl', DEFAULT_CONFIG.keycloakUrl).replace(/\/+$/, ''),
    realm: pickString(source, 'realm', DEFAULT_CONFIG.realm),
    clientId: pickString(source, 'clientId', DEFAULT_CONFIG.clientId),
  }
}

export async function loadConfig(url = `${import.meta.env.BASE_URL}config.json`): Promise<AppConfig> {
  // no-store: operators edit this file in place and expect the next page load to see it.
  const response = await globalThis.fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return parseConfig(await response.json())
}
