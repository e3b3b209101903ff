import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import EventDetailDrawer from '@/views/audit/EventDetailDrawer.vue'
import type { JournalEvent } from '@/views/audit/useAuditLog'
import { flush, setupApp } from './helpers'

function event(entityType: string): JournalEvent {
  return {
    seq: 1,
    id: 'ev-1',
    action: `${entityType}.closed`,
    entityType,
    entityId: 'e-1',
    occurredAt: '2026-11-20T02:00:00Z',
    changes: { status: { before: 'CONTROLLING', after: 'CLOSED' } },
  }
}

describe('audit event drawer', () => {
  it('labels a risk’s status with the risk ledger’s words, another record’s with the shared ones', async () => {
    const { plugins } = setupApp()
    const risk = mount(EventDetailDrawer, {
      props: { modelValue: true, event: event('risk'), unitName: () => '' },
      global: { plugins },
      attachTo: document.body,
    })
    await flush()
    expect(document.body.textContent).toContain('已关闭')
    expect(document.body.textContent).not.toContain('已销号')
    risk.unmount()

    const item = mount(EventDetailDrawer, {
      props: { modelValue: true, event: event('rectification'), unitName: () => '' },
      global: { plugins },
      attachTo: document.body,
    })
    await flush()
    expect(document.body.textContent).toContain('已销号')
    item.unmount()
  })
})
