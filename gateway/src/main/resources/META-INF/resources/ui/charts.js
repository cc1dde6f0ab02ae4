// Apache ECharts from the org.webjars.npm:echarts webjar (served by the gateway from its classpath).
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { h } from './dom.js';

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** A chart box (role=img with a text alternative) drawing option; returns the element. */
export function chart(option, label, tall) {
  const el = h('div', { class: tall ? 'chart tall' : 'chart', role: 'img', 'aria-label': label });
  requestAnimationFrame(() => {
    const c = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
    c.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } }, option));
    charts.add(c);
  });
  return el;
}

export const PALETTE = { pass: '#0b6e4f', fail: '#b3261e', limit: '#e0a800', bar: '#1f5fa8', grey: '#9aa5b1' };
