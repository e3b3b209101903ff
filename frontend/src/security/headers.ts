/**
 * The response headers the SPA is served with (vite preview here; the production web server copies
 * them, see README). The script policy is strict — only the app's own bundled modules run, no inline
 * or eval'd script — so an injected `<script>` or `javascript:` URL does nothing. Styles allow
 * inline because Element Plus and ECharts position popups and canvases with style attributes.
 */
export interface HeaderOrigins {
  /** Where the API answers (config.json apiBaseUrl). */
  apiBaseUrl: string
  /** Where Keycloak answers (config.json keycloakUrl): login redirects and token calls. */
  keycloakUrl: string
}

function origin(url: string): string {
  return new URL(url).origin
}

export function contentSecurityPolicy(origins: HeaderOrigins): string {
  const api = origin(origins.apiBaseUrl)
  const keycloak = origin(origins.keycloakUrl)
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", api, keycloak],
    'frame-src': [keycloak],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", keycloak],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ')
}

export function securityHeaders(origins: HeaderOrigins): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  }
}
