// Checks every `![alt](path)` of a chapter and resolves it to a file inside the manuscript.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Image as MdImage } from 'mdast';
import { fileKind } from '../book/manuscript-file.ts';
import type { Image } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { imageSize } from './image-header.ts';
import { imageProblem } from './image-integrity.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 8000;

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Validates `nodes` (from chapter `file`), rewrites their `url` to the manuscript-relative path, fills `images`. */
export async function resolveImages(
  root: string, file: string, nodes: MdImage[], images: Map<string, Image>, diagnostics: Diagnostic[],
): Promise<void> {
  const realRoot = await realpath(root);
  for (const node of nodes) {
    const at = node.position?.start;
    const report = (rule: string, message: string, hint: string) => diagnostics.push(diagnostic(file, at, 'error', rule, message, hint));
    if (!node.alt?.trim()) {
      report('image-no-alt', `The image ${node.url} has no alt text.`, 'Describe the image between the brackets: ![A map of Europe in 1924](images/map.png).');
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//')) {
      report('image-remote', `The image ${node.url} is not a file in the manuscript.`, 'Download it into images/ and refer to it by path.');
      node.url = '';
      continue;
    }
    const found = await locate(root, realRoot, file, decode(node.url));
    if (found.kind !== 'ok') {
      if (found.kind === 'outside') report('image-outside-manuscript', `The image ${node.url} is outside the manuscript folder.`, 'Copy the image into the manuscript (e.g. images/) and refer to it from there.');
      else if (found.kind === 'not-a-file') report('image-not-a-file', `The image ${node.url} is not a regular file (it is ${found.what}).`, 'Refer to a PNG, JPEG, GIF, SVG or WebP file.');
      else report('image-missing', `The image ${node.url} does not exist (looked next to ${file} and in the manuscript folder).`, 'Check the file name and folder, or add the image.');
      node.url = '';
      continue;
    }
    const rel = path.relative(root, found.absolute).split(path.sep).join('/');
    node.url = rel;
    if (images.has(rel)) continue;
    const mediaType = MEDIA_TYPES[path.extname(rel).toLowerCase()];
    if (!mediaType) {
      report('image-unsupported-type', `The image ${rel} is not PNG, JPEG, GIF, SVG or WebP.`, 'Convert it to PNG (drawings) or JPEG (photographs).');
      continue;
    }
    const { size } = await stat(found.absolute);
    if (size > MAX_IMAGE_BYTES) {
      report('image-too-large', `The image ${rel} is ${(size / 1048576).toFixed(1)} MB; the limit is 10 MB.`, 'Reduce it (at most 8000 px a side; JPEG quality 85 is plenty).');
      continue;
    }
    const broken = imageProblem(await readFile(found.absolute), mediaType, rel);
    if (broken) { report(broken.rule, broken.message, broken.hint); continue; }
    const dims = imageSize(await readFile(found.absolute), mediaType);
    if (dims && Math.max(dims.width, dims.height) > MAX_IMAGE_PIXELS) {
      report('image-too-large', `The image ${rel} is ${dims.width}×${dims.height} px; the limit is ${MAX_IMAGE_PIXELS} px a side.`, 'Scale it down; 3000 px wide is enough for print at 300 dpi.');
      continue;
    }
    images.set(rel, { path: rel, absolutePath: found.absolute, mediaType, ...dims });
  }
}

function decode(url: string): string {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0]);
  } catch {
    return url;
  }
}

type Located = { kind: 'ok'; absolute: string } | { kind: 'outside' } | { kind: 'not-a-file'; what: string } | { kind: 'missing' };

async function locate(root: string, realRoot: string, file: string, url: string): Promise<Located> {
  const candidates = url.startsWith('/')
    ? [path.join(root, url)]
    : [path.resolve(root, path.dirname(file), url), path.resolve(root, url)];
  let outside = false;
  for (const candidate of candidates) {
    if (!inside(root, candidate)) {
      outside = true;
      continue;
    }
    try {
      const real = await realpath(candidate);
      if (!inside(realRoot, real)) {
        outside = true;
        continue;
      }
      const info = await stat(real);
      // Never read a FIFO or a device (a read would wait for ever): only regular files are images.
      if (info.isFile()) return { kind: 'ok', absolute: candidate };
      return { kind: 'not-a-file', what: fileKind(info) };
    } catch {
      // not there; try the next place
    }
  }
  return outside ? { kind: 'outside' } : { kind: 'missing' };
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
