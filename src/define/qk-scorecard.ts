import { QkScorecard } from '../components/scorecard/scorecard.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-scorecard', QkScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'qk-scorecard': QkScorecard;
  }
}
