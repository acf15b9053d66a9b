// Pixel size and colour model of a JPEG or PNG, read from its header (no decoder needed).

export interface ImageInfo {
  format: 'jpeg' | 'png';
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** JPEG: 1 component = gray, 3 = RGB (YCbCr), 4 = CMYK/YCCK. PNG: from the colour type. */
  colour: 'gray' | 'rgb' | 'cmyk';
}

export function imageInfo(data: Uint8Array): ImageInfo | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.toString('latin1', 12, 16) === 'IHDR') {
    const colourType = buf[25] ?? 2;
    return {
      format: 'png',
      mediaType: 'image/png',
      width: buf.readUInt32BE(16),
      height: buf.readUInt32BE(20),
      colour: colourType === 0 || colourType === 4 ? 'gray' : 'rgb',
    };
  }
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return undefined;
  // Walk the JPEG segments to the first start-of-frame (SOF0..SOF15 except DHT/JPG/DAC).
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return undefined;
    const marker = buf[at + 1]!;
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    const length = buf.readUInt16BE(at + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && at + 10 <= buf.length) {
      const components = buf[at + 9]!;
      return {
        format: 'jpeg',
        mediaType: 'image/jpeg',
        height: buf.readUInt16BE(at + 5),
        width: buf.readUInt16BE(at + 7),
        colour: components === 1 ? 'gray' : components === 4 ? 'cmyk' : 'rgb',
      };
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    at += 2 + length;
  }
  return undefined;
}
