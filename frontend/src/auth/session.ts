/**
 * The signed-in session as the rest of the app sees it. Keycloak is behind this interface so
 * components and tests never touch keycloak-js directly.
 */
export interface AuthSession {
  /** A valid access token, refreshed first when it is about to expire. */
  getToken(): Promise<string>
  /** Sends the user to the login page and back to the current URL afterwards. */
  relogin(): Promise<void>
  /** Ends the Keycloak session (single sign-out) and returns to the app's start page. */
  logout(): Promise<void>
  /** Expiry of the current access token, if known. */
  expiresAt(): Date | undefined
}

let current: AuthSession | null = null

export function setAuthSession(session: AuthSession | null): void {
  current = session
}

export function authSession(): AuthSession {
  if (current === null) throw new Error('Auth session not initialised')
  return current
}

export function hasAuthSession(): boolean {
  return current !== null
}
