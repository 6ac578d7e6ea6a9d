/**
 * The element tests run several test files at once (web-test-runner.config.mjs, `concurrency`).
 * Each must run in a page the browser treats as on screen: a tab hidden behind another gets no
 * animation frames, so a test waiting for one (`fixture()`, `nextFrame`, a ResizeObserver) would
 * hang with the renderer idle. The config opens every page in its own window for that; this file
 * fails when a page is hidden, whichever of the concurrent pages it lands in.
 */
import { expect, waitUntil } from '@open-wc/testing';

describe('the test page', () => {
  it('is visible', () => {
    expect(document.visibilityState).to.equal('visible');
    expect(document.hidden).to.equal(false);
  });

  it('has focus, so focus events and keyboard tests behave as in a single page', async () => {
    expect(document.hasFocus()).to.equal(true);
    const input = document.createElement('input');
    document.body.append(input);
    let focused = 0;
    input.addEventListener('focus', () => focused++);
    input.focus();
    input.remove();
    expect(focused).to.equal(1);
  });

  it('gets animation frames (two in a row)', async () => {
    let frames = 0;
    const tick = () => {
      frames++;
      if (frames < 2) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    await waitUntil(() => frames >= 2, `only ${frames} animation frame(s) while ${document.visibilityState}`);
    expect(frames).to.equal(2);
  });

  it('lays out and observes size (a ResizeObserver reports a 123 px box)', async () => {
    const box = document.createElement('div');
    box.style.width = '123px';
    document.body.append(box);
    let width = 0;
    const ro = new ResizeObserver(([entry]) => (width = entry.contentRect.width));
    ro.observe(box);
    await waitUntil(() => width > 0, `no ResizeObserver callback while ${document.visibilityState}`);
    ro.disconnect();
    box.remove();
    expect(width).to.equal(123);
  });
});
