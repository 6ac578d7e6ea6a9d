import { waitUntil } from '@open-wc/testing';
import { openPage } from './host.js';
it('debug', async () => {
  const page = await openPage('/demo/embed/csp.html');
  const provider = page.doc.getElementById('dashboard') as any;
  await waitUntil(() => provider.store.status === 'ready');
  await new Promise((r) => setTimeout(r, 1500));
  const gt = page.doc.querySelector('qk-goal-tree')!;
  const rows = [...gt.shadowRoot!.querySelectorAll('[role="row"]')].slice(0, 4);
  console.log('rows', rows.length, rows.map((r) => r.getAttribute('style') + ' | ' + page.win.getComputedStyle(r).transform).join(' ;; '));
  const sc = page.doc.querySelector('qk-scorecard')!;
  const bars = [...sc.shadowRoot!.querySelectorAll('.bar > span')].slice(0, 3);
  console.log('bars', bars.map((b) => b.getAttribute('style') + ' | ' + page.win.getComputedStyle(b).inlineSize).join(' ;; '));
  console.log('violations', page.doc.getElementById('csp-violations')!.innerHTML);
  const d = page.doc.createElement('div'); page.doc.body.append(d); const s = d.attachShadow({mode:'open'}); const inner = page.doc.createElement('span'); s.append(inner); inner.setAttribute('style','color:red');
  await new Promise((r) => setTimeout(r, 300));
  console.log('after shadow probe', page.doc.getElementById('csp-violations')!.innerHTML, page.win.getComputedStyle(inner).color);
});
