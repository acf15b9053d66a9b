// Reads a wrap cover's barcode with a real decoder: the box rendered at 600 dpi (pdftoppm), decoded by zbarimg
// (Debian zbar-tools) into its symbols: the EAN-13 and the EAN-5 add-on.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** zbarimg's symbols in the barcode box of a wrap cover (geometry in inches). */
export function decodeBarcode(pdf: string, box: { x: number; y: number; width: number; height: number }, dir: string): string[] {
  const dpi = 600;
  const png = path.join(dir, `${path.basename(pdf, '.pdf')}-barcode`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-x', String(Math.floor(box.x * dpi)), '-y', String(Math.floor(box.y * dpi)),
    '-W', String(Math.ceil(box.width * dpi)), '-H', String(Math.ceil(box.height * dpi)), pdf, png]);
  let out: string;
  try {
    out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sean13.enable', '-Sean5.enable', `${png}.png`], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('zbarimg is missing: apt-get install zbar-tools');
    throw new Error(`zbarimg found no barcode in ${png}.png`);
  }
  return out.trim().split('\n');
}
