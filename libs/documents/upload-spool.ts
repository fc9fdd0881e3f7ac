import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './media-type';

export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, for the media-type sniffer. */
  head: Buffer;
  tooLarge: boolean;
  discard(): Promise<void>;
}

const SPOOL_DIR = join(tmpdir(), 'tdkt-uploads');

/**
 * Streams an upload to a temporary file, hashing and counting as it goes, never holding it whole.
 * Past `maxBytes` the rest is read and dropped, so the request can still be answered (413).
 */
export async function spoolUpload(source: Readable, maxBytes: number): Promise<SpooledFile> {
  await mkdir(SPOOL_DIR, { recursive: true });
  const path = join(SPOOL_DIR, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let tooLarge = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (tooLarge) return done();
      hash.update(chunk);
      if (headLength < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(source, meter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await discard();
    throw error;
  }
  if (tooLarge) await discard();
  return { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head), tooLarge, discard };
}
