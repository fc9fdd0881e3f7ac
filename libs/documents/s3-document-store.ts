import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { DocumentStore, StoredObject } from './document-store';

export interface S3StoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Only this prefix is the store's: the sweep never touches other objects of a shared bucket. */
const PREFIX = 'documents/';

/** An S3-compatible bucket (AWS, SeaweedFS, any other); path-style addressing, which self-hosted servers need. */
export class S3DocumentStore implements DocumentStore {
  private readonly client: S3Client;
  private bucketReady: Promise<void> | null = null;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({ endpoint: options.endpoint, region: options.region, credentials: options.credentials, forcePathStyle: true });
  }

  async put(key: string, sourcePath: string, size: number, mediaType: string): Promise<void> {
    await this.ensureBucket();
    await this.client.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: PREFIX + key, Body: createReadStream(sourcePath), ContentLength: size, ContentType: mediaType }),
    );
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: PREFIX + key }));
      return (object.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: PREFIX + key }));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: PREFIX, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified) yield { key: object.Key.slice(PREFIX.length), modifiedAt: object.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.client.destroy();
  }

  /** A fresh store has no bucket: the first upload creates it (and a lost race with another instance is fine). */
  private ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      const Bucket = this.options.bucket;
      try {
        await this.client.send(new HeadBucketCommand({ Bucket }));
      } catch {
        await this.client.send(new CreateBucketCommand({ Bucket })).catch((error: { name?: string }) => {
          if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
        });
      }
    })().catch((error: unknown) => {
      this.bucketReady = null;
      throw error;
    });
    return this.bucketReady;
  }
}
