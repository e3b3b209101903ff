import Keycloak from 'keycloak-js'
import type { AppConfig } from '@/config'
import type { AuthSession } from './session'

/** Refresh when the token has less than this many seconds left (access tokens live 5 minutes). */
const MIN_VALIDITY_SECONDS = 60
const REFRESH_CHECK_MS = 20_000

/**
 * Logs in with authorization code + PKCE (S256) and keeps tokens in keycloak-js's memory only:
 * nothing is written to localStorage/sessionStorage by us, and keycloak-js only keeps the short-lived
 * login callback state there. A page reload re-runs the (silent, SSO-cookie based) login.
 */
export async function startKeycloakSession(config: AppConfig): Promise<AuthSession> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId })

  let redirecting = false
  const relogin = async (): Promise<void> => {
    if (redirecting) return
    redirecting = true
    // redirectUri = where the user is now, so an expired session does not lose their page.
    await keycloak.login({ redirectUri: window.location.href })
  }

  const refresh = async (minValidity: number): Promise<void> => {
    try {
      await keycloak.updateToken(minValidity)
    } catch {
      await relogin()
      throw new Error('Session expired')
    }
  }

  keycloak.onTokenExpired = () => {
    void refresh(MIN_VALIDITY_SECONDS).catch(() => undefined)
  }

  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The login-status iframe needs third-party cookies, which browsers block; refresh tokens suffice.
    checkLoginIframe: false,
  })
  if (!authenticated) {
    await relogin()
    throw new Error('Not authenticated')
  }

  window.setInterval(() => {
    void refresh(MIN_VALIDITY_SECONDS).catch(() => undefined)
  }, REFRESH_CHECK_MS)

  return {
    async getToken() {
      await refresh(MIN_VALIDITY_SECONDS / 2)
      const token = keycloak.token
      if (token === undefined) {
        await relogin()
        throw new Error('No token')
      }
      return token
    },
    relogin,
    async logout() {
      redirecting = true
      await keycloak.logout({ redirectUri: `${window.location.origin}${import.meta.env.BASE_URL}` })
    },
    expiresAt() {
      const exp = keycloak.tokenParsed?.exp
      return exp === undefined ? undefined : new Date(exp * 1000)
    },
  }
}
