// Lists every Content-Security-Policy violation on the page, so a host (and the tests) can see that
// QuotaKit needs no 'unsafe-inline' and no 'unsafe-eval'. Plain JavaScript: the page has no build step.
const list = document.getElementById('csp-violations');
const count = document.getElementById('csp-count');
let n = 0;
document.addEventListener(
  'securitypolicyviolation',
  (e) => {
    n += 1;
    // The node that broke the policy, and the element whose shadow tree holds it.
    const node = e.composedPath()[0];
    const host = node instanceof Node ? node.getRootNode().host : undefined;
    const where = node instanceof Element ? `${host ? `<${host.localName}> ` : ''}<${node.localName} part="${node.getAttribute('part') ?? ''}" class="${node.getAttribute('class') ?? ''}">` : 'the page';
    const item = document.createElement('li');
    item.dataset.host = host?.localName ?? '';
    item.textContent = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${where} (${e.sourceFile}:${e.lineNumber})`;
    list?.append(item);
    if (count) count.textContent = String(n);
  },
  true,
);
