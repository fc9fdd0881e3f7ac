import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentStore, StoredObject } from './document-store';

const KEY = /^[0-9a-f-]{36}$/;

/** Files under one directory, named by document id; written beside it first, then renamed into place. */
export class FsDocumentStore implements DocumentStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = join(root, '.incoming');
  }

  async put(key: string, sourcePath: string): Promise<void> {
    await mkdir(this.incoming, { recursive: true });
    const partial = join(this.incoming, key);
    // A copy, not a rename: the spool directory may be on another filesystem.
    await pipeline(createReadStream(sourcePath), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, this.path(key));
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    for (const name of names.filter((n) => KEY.test(n))) {
      const info = await stat(join(this.root, name)).catch(() => null);
      if (info?.isFile()) yield { key: name, modifiedAt: info.mtime };
    }
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a document key: ${key}`);
    return join(this.root, key);
  }
}
