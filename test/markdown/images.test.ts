import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Image as MdImage } from 'mdast';
import type { Image } from '../../src/book/model.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { imageSize } from '../../src/markdown/image-header.ts';
import { resolveImages } from '../../src/markdown/images.ts';
import { png, tempManuscript } from './helpers.ts';

const img = (url: string, alt = 'A map', line = 1): MdImage => ({
  type: 'image', url, alt, position: { start: { line, column: 1 }, end: { line, column: 10 } },
});

test('image rules: resolution, dedupe, sizes and every error', async () => {
  const ms = await tempManuscript({
    'images/map.png': png(40, 30),
    'chapters/local.png': png(2, 3),
    'images/photo.bmp': 'BM',
    'images/huge.png': png(8001, 1),
    'images/big.gif': Buffer.concat([Buffer.from('GIF89a'), Buffer.from([10, 0, 20, 0]), Buffer.from([0x3b])]),
  });
  try {
    const nodes = [
      img('../images/map.png', 'A map', 1), img('images/map.png', 'Again', 2), img('local.png', 'Local', 3),
      img('images/big.gif', 'Gif', 4), img('../../etc/passwd', 'x', 5), img('images/none.png', 'x', 6),
      img('https://example.com/a.png', 'x', 7), img('images/map.png', '', 8), img('images/photo.bmp', 'x', 9),
      img('images/huge.png', 'x', 10),
    ];
    const images = new Map<string, Image>();
    const diagnostics: Diagnostic[] = [];
    await resolveImages(ms.root, 'chapters/01.md', nodes, images, diagnostics);
    assert.deepEqual(diagnostics.map((d) => `${d.line} ${d.rule}`), [
      '5 image-outside-manuscript', '6 image-missing', '7 image-remote', '8 image-no-alt', '9 image-unsupported-type', '10 image-too-large',
    ]);
    assert.match(diagnostics[2].hint!, /download it into images\/ and refer to it by path/i);
    assert.deepEqual([...images.values()].map((i) => [i.path, i.mediaType, i.width, i.height]), [
      ['images/map.png', 'image/png', 40, 30],
      ['chapters/local.png', 'image/png', 2, 3],
      ['images/big.gif', 'image/gif', 10, 20],
    ]);
    assert.deepEqual(nodes.slice(0, 3).map((n) => n.url), ['images/map.png', 'images/map.png', 'chapters/local.png']);
  } finally {
    await ms.done();
  }
});

test('an image over 10 MB is too large', async () => {
  const ms = await tempManuscript({ 'images/big.png': Buffer.concat([png(10, 10), Buffer.alloc(10 * 1024 * 1024)]) });
  try {
    const diagnostics: Diagnostic[] = [];
    await resolveImages(ms.root, 'chapters/01.md', [img('images/big.png')], new Map(), diagnostics);
    assert.deepEqual(diagnostics.map((d) => d.rule), ['image-too-large']);
  } finally {
    await ms.done();
  }
});

test('header reader: JPEG, SVG, WebP', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 70, 3, 0, 0, 0, 0, 0]);
  assert.deepEqual(imageSize(jpeg, 'image/jpeg'), { width: 70, height: 50 });
  assert.deepEqual(imageSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80">'), 'image/svg+xml'), { width: 120, height: 80 });
  const webp = Buffer.alloc(30);
  webp.write('RIFF', 0, 'latin1');
  webp.write('WEBPVP8X', 8, 'latin1');
  webp.writeUIntLE(99, 24, 3);
  webp.writeUIntLE(49, 27, 3);
  assert.deepEqual(imageSize(webp, 'image/webp'), { width: 100, height: 50 });
});
