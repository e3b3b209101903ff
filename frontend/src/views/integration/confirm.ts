import { ElMessageBox } from 'element-plus'
import { i18n } from '@/i18n'

/** Asks before an action that changes what the receivers get; false when the admin backs out. */
export async function confirmed(message: string, title: string, confirmText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: confirmText, cancelButtonText: i18n.global.t('common.cancel') })
    return true
  } catch {
    return false
  }
}
