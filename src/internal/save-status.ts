import { html, nothing, type TemplateResult } from 'lit';
import type { QkStore } from '../store/store.js';
import type { ElementTranslation } from '../i18n/sections.js';
import { localizeIssue } from '../i18n/localize-issue.js';

/**
 * Where the user's edits stand, for an element that edits: saving, saved, unsaved changes, a retry
 * scheduled, failed (with a retry button) or a conflict (with a button that reloads the newer plan
 * and re-applies the edits). Nothing when there is no adapter to save to. A function beside the base
 * element, not a method of it, so that a page of display elements only does not carry it (issue 14).
 */
export function renderSaveStatus(s: QkStore | undefined, t: ElementTranslation<never>): TemplateResult | typeof nothing {
  if (!s?.hasAdapter) return nothing;
  const pending = s.pendingCount;
  const text =
    s.saveState === 'saving' ? t.common.saving
    : s.saveState === 'retrying' ? localizeIssue(t, { code: 'save-retrying', message: 'retrying', params: { count: pending } })
    : (s.saveState === 'error' || s.saveState === 'conflict') && s.saveError ? localizeIssue(t, s.saveError)
    : pending ? t.common.unsavedChanges({ count: pending })
    : s.saveState === 'saved' ? t.common.saved
    : '';
  if (!text) return nothing;
  const failed = s.saveState === 'error' || s.saveState === 'conflict';
  return html`<div part="save-status" class="qk-save-status" data-state=${s.saveState} role=${failed ? 'alert' : 'status'} aria-live="polite">
    <span>${text}</span>${failed || s.saveState === 'retrying' ? html` <button part="save-retry" @click=${() => void s.retry()}>${t.common.retry}</button>` : nothing}
  </div>`;
}
