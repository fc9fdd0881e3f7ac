import type { FactoryProvider } from '@nestjs/common';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DOCUMENT_STORE, type DocumentStore } from './document-store';
import { FsDocumentStore } from './fs-document-store';
import { S3DocumentStore } from './s3-document-store';

/** The store DOCUMENT_STORE names: `s3://bucket` (endpoint and credentials from S3_*) or a directory. */
export function documentStoreFrom(
  config: Pick<AppConfig, 'DOCUMENT_STORE' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>,
): DocumentStore {
  const bucket = /^s3:\/\/([^/]+)\/?$/.exec(config.DOCUMENT_STORE)?.[1];
  if (!bucket) return new FsDocumentStore(resolve(config.DOCUMENT_STORE));
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined;
  return new S3DocumentStore({ bucket, endpoint: config.S3_ENDPOINT, region: config.S3_REGION, credentials });
}

/** The store as a Nest provider, for the API and the worker alike. */
export const documentStoreProvider: FactoryProvider<DocumentStore> = {
  provide: DOCUMENT_STORE,
  useFactory: (config: AppConfig) => documentStoreFrom(config),
  inject: [APP_CONFIG],
};
