import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { HIDDEN_JOURNAL_FIELDS, useJournalFormatter, type JournalValueFormatter } from '@/composables/useJournalFormatter'
import { labelOf } from '@/i18n'
import { rectJournalFormatter } from '@/views/rectifications/rectJournal'
import { riskJournalFormatter } from '@/views/risks/riskJournal'
import { setupApp } from './helpers'

/** The shared formatter needs a component (i18n, the units store). */
function sharedFormatter(): JournalValueFormatter {
  const { plugins } = setupApp()
  let format: JournalValueFormatter | undefined
  mount(
    defineComponent({
      setup() {
        format = useJournalFormatter()
        return () => h('div')
      },
    }),
    { global: { plugins } },
  )
  if (format === undefined) throw new Error('not mounted')
  return format
}

describe('timeline values', () => {
  it('show a rectification item’s codes and its measures in the ledger’s words, never as codes', () => {
    const format = rectJournalFormatter(sharedFormatter())
    expect(format('kind', 'TIME_LIMITED')).toBe('限期整改')
    expect(format('source', 'SELF_CHECK')).toBe('自查')
    expect(format('severity', 'MINOR')).toBe('一般')
    expect(format('status', 'PENDING')).toBe('待整改')
    expect(format('measureStatus', 'WAIVED')).toBe('免于执行')
    expect(format('originType', 'INSPECTION')).toBe('巡察检查')
    // Events journaled before originType and originId were kept apart.
    expect(format('origin', 'INSPECTION:null')).toBe('巡察检查')
    expect(HIDDEN_JOURNAL_FIELDS).toContain('originId')
  })

  it('show a risk’s measure states in the risk ledger’s words', () => {
    const format = riskJournalFormatter(sharedFormatter())
    expect(format('measureStatus', 'DONE')).toBe('已完成')
    expect(format('status', 'CLOSED')).toBe('已关闭')
  })

  it('name the fields and record kinds the journal writes', () => {
    setupApp()
    for (const field of ['severity', 'foundOn', 'originType', 'opinion', 'verifiedOn', 'evidence', 'measureStatus']) {
      expect(labelOf('field', field)).not.toBe(field)
    }
    expect(labelOf('entityType', 'rectification_measure')).toBe('整改措施')
    expect(labelOf('entityType', 'risk_review')).toBe('风险研判')
  })
})
