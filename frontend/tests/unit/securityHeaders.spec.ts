import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, securityHeaders } from '@/security/headers'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('security headers of the served SPA', () => {
  const origins = { apiBaseUrl: 'https://qingfeng.example.gov.cn/api-host/', keycloakUrl: 'https://sso.example.gov.cn/auth' }

  it('lets scripts come only from the app itself', () => {
    const script = directives(contentSecurityPolicy(origins)).get('script-src')
    expect(script).toEqual(["'self'"])
  })

  it('allows talking to the configured API and Keycloak by origin, and nothing else', () => {
    const policy = directives(contentSecurityPolicy(origins))
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://qingfeng.example.gov.cn', 'https://sso.example.gov.cn'])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('names an origin once when API and Keycloak share it', () => {
    const same = { apiBaseUrl: 'https://a.example', keycloakUrl: 'https://a.example/kc' }
    expect(directives(contentSecurityPolicy(same)).get('connect-src')).toEqual(["'self'", 'https://a.example'])
  })

  it('sends the policy with the other hardening headers', () => {
    const headers = securityHeaders(origins)
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy'])
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })
})
