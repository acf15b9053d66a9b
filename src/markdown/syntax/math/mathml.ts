// TeX → MathML with temml, as a hast `<math>` element (namespace declared, so the EPUB's XHTML keeps it
// MathML). A TeX error is returned with temml's message.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import temml from 'temml';

export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';

export type MathResult = { ok: true; element: Element } | { ok: false; message: string };

export function toMathml(tex: string, display: boolean): MathResult {
  let markup: string;
  try {
    markup = temml.renderToString(tex, { displayMode: display, throwOnError: true });
  } catch (error) {
    // temml: "ParseError:  Expected '}' … at position 7: \n\frac{a" — the first line is the message.
    const message = (error as Error).message.split('\n')[0]!.replace(/^\s*(?:Temml\s+)?ParseError:?\s*/i, '').replace(/:\s*$/, '').trim();
    return { ok: false, message };
  }
  const root = fromHtml(markup, { fragment: true });
  const element = root.children.find((node): node is Element => node.type === 'element' && node.tagName === 'math');
  if (!element) return { ok: false, message: 'temml produced no <math> element' };
  element.properties = { xmlns: MATHML_NAMESPACE, ...element.properties };
  return { ok: true, element: withoutPositions(element) };
}

/** Positions inside temml's markup mean nothing in the chapter; the math node carries the real one. */
function withoutPositions(element: Element): Element {
  delete element.position;
  for (const child of element.children) {
    if (child.type === 'element') withoutPositions(child);
    else delete child.position;
  }
  return element;
}
