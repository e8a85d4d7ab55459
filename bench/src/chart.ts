import { createWriteStream, existsSync } from 'node:fs';
import * as PImage from 'pureimage';

export interface Curve {
  label: string;
  points: [number, number][]; // [percentile, microseconds]
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Latency by percentile, one panel per scenario, API against floor. */
export async function drawLatencyChart(file: string, panels: { title: string; api: Curve; floor: Curve }[]) {
  const width = 1200;
  const height = 340 * Math.ceil(panels.length / 2) + 40;
  const img = PImage.make(width, height);
  const ctx = img.getContext('2d');
  const hasFont = existsSync(FONT);
  if (hasFont) PImage.registerFont(FONT, 'DejaVu').loadSync();
  const text = (s: string, x: number, y: number, size = 14, color = '#222222') => {
    if (!hasFont) return;
    ctx.fillStyle = color;
    ctx.font = `${size}pt DejaVu`;
    ctx.fillText(s, x, y);
  };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  text('Latency by percentile (ms): API (blue) against the hand-written floor (orange)', 20, 28, 14);
  panels.forEach((panel, i) => {
    const x0 = 70 + (i % 2) * 600;
    const y0 = 60 + Math.floor(i / 2) * 340;
    const w = 480;
    const h = 240;
    const all = [...panel.api.points, ...panel.floor.points].map(([, us]) => us / 1000);
    const max = Math.max(1, ...all) * 1.1;
    text(panel.title, x0, y0 - 8, 13);
    ctx.strokeStyle = '#999999';
    ctx.lineWidth = 1;
    ctx.strokeRect(x0, y0, w, h);
    for (let g = 0; g <= 4; g++) {
      const y = y0 + h - (h * g) / 4;
      text(((max * g) / 4).toFixed(1), x0 - 55, y + 5, 10, '#555555');
    }
    const xs = panel.api.points.map(([p]) => p);
    const px = (k: number) => x0 + (w * k) / Math.max(1, xs.length - 1);
    xs.forEach((p, k) => {
      if (k % 2 === 0 || k === xs.length - 1) text(`p${p}`, px(k) - 12, y0 + h + 18, 9, '#555555');
    });
    for (const [curve, color] of [
      [panel.floor, '#d97706'],
      [panel.api, '#1d4ed8'],
    ] as const) {
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.beginPath();
      curve.points.forEach(([, us], k) => {
        const y = y0 + h - (h * (us / 1000)) / max;
        if (k === 0) ctx.moveTo(px(k), y);
        else ctx.lineTo(px(k), y);
      });
      ctx.stroke();
    }
  });
  await PImage.encodePNGToStream(img, createWriteStream(file));
}
