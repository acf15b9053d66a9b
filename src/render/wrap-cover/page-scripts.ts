// Functions that run inside the cover page (passed to page.evaluate, so each is self-contained).

/**
 * Puts the ebook cover's own document (src/render/cover/ebook-cover.ts → coverHtml) into the front panel:
 * its markup and rules go into a shadow root (so its `body`/`.title` rules touch nothing else), its
 * @font-face rules into the page (fonts inside a shadow root are ignored), its `html`/`body` rules onto a
 * wrapper. The design keeps its 2560 px height, takes the trim's proportions, and is scaled to the trim.
 * Back and spine then take the design's background and text colours.
 */
export function placeCoverDesign(coverDocument: string, trimWidthIn: number, trimHeightIn: number): void {
  const host = document.querySelector<HTMLElement>('.front-art');
  if (!host) throw new Error('wrap cover template has no .front-art');
  const designHeight = 2560;
  const designWidth = Math.round((designHeight * trimWidthIn) / trimHeightIn);
  const source = new DOMParser().parseFromString(coverDocument, 'text/html');
  let fontFaces = '';
  let scoped = '';
  for (const style of Array.from(source.querySelectorAll('style'))) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent ?? '');
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSFontFaceRule) fontFaces += rule.cssText + '\n';
      else if (rule instanceof CSSPageRule) continue;
      else if (rule instanceof CSSStyleRule) {
        rule.selectorText = rule.selectorText.replace(/(^|[\s,>+~])(html|body)(?![\w-])/g, '$1.design-root');
        scoped += rule.cssText + '\n';
      } else scoped += rule.cssText + '\n';
    }
  }
  const faces = document.createElement('style');
  faces.textContent = fontFaces;
  document.head.append(faces);
  const shadow = host.attachShadow({ mode: 'open' });
  const size = `width: ${designWidth}px !important; height: ${designHeight}px !important;`;
  shadow.innerHTML =
    `<style>${scoped}\n.design-root { margin: 0; ${size} overflow: hidden; }\n` +
    `.design-root > * { ${size} }\n:host { display: block; }</style>` +
    `<div class="design-root" lang="${source.documentElement.lang}">${source.body.innerHTML}</div>`;
  const root = shadow.querySelector<HTMLElement>('.design-root')!;
  const scale = (trimHeightIn * 96) / designHeight;
  root.style.transformOrigin = '0 0';
  root.style.transform = `scale(${scale})`;
  const look = getComputedStyle(root);
  const sheetStyle = document.documentElement.style;
  if (look.backgroundColor && look.backgroundColor !== 'rgba(0, 0, 0, 0)') sheetStyle.setProperty('--cover-bg', look.backgroundColor);
  if (look.color) sheetStyle.setProperty('--cover-fg', look.color);
}

/** Shrinks type until each box stops overflowing: the front title, the blurb, the spine line. */
export async function fitText(): Promise<void> {
  await document.fonts.ready;
  const shrink = (el: HTMLElement | null, box: HTMLElement | null, vertical: boolean) => {
    for (let i = 0; el && box && i < 60; i++) {
      const over = vertical ? box.scrollHeight > box.clientHeight + 1 : box.scrollWidth > box.clientWidth + 1;
      if (!over) break;
      el.style.fontSize = `${parseFloat(getComputedStyle(el).fontSize) * 0.95}px`;
    }
  };
  const design = document.querySelector('.front-art')?.shadowRoot;
  shrink(design?.querySelector<HTMLElement>('.title') ?? null, design?.querySelector<HTMLElement>('.titles') ?? null, true);
  const blurb = document.querySelector<HTMLElement>('.blurb');
  shrink(blurb, blurb, true);
  const spine = document.querySelector<HTMLElement>('.spine-text');
  shrink(spine, spine, true);
  await document.fonts.ready;
}
