// Fonts for a page made on the fly (the generated covers): the plan's faces as data: URLs, so the page needs
// no file access, and a rule that sets the page in the plan's family chain.
import { readFile } from 'node:fs/promises';
import { fontFaceCss, type FontPlan } from './font-plan.ts';

export async function inlineFontCss(plan: FontPlan): Promise<{ faces: string; family: string; synthesis: string }> {
  const data = new Map<string, string>();
  await Promise.all(plan.faces.map(async (f) => data.set(f.file, (await readFile(f.file)).toString('base64'))));
  return {
    faces: fontFaceCss(plan, (f) => `data:font/woff2;base64,${data.get(f.file)}`),
    family: `${plan.fontFamily}, serif`,
    // Set on the page's body with the family: no emboldened glyphs (see src/render/html/fonts.ts).
    synthesis: 'font-synthesis-weight: none;',
  };
}
