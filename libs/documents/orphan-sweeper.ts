import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DocumentRepository } from '../db/document.repository';
import { DOCUMENT_STORE, type DocumentStore } from './document-store';

export interface SweepResult {
  /** Uploads never attached within DOCUMENT_ORPHAN_TTL: row and file removed. */
  orphans: number;
  /** Files with no row (a crash after the file was stored, before its row committed). */
  strays: number;
}

const STRAY_BATCH = 500;

/** Removes what no nomination will ever use; runs in the worker, every DOCUMENT_SWEEP_INTERVAL. */
@Injectable()
export class OrphanSweeper {
  private readonly logger = new Logger(OrphanSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly documents: DocumentRepository,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => this.logger.warn(`document sweep failed: ${(error as Error).message}`))
        .finally(() => (this.running = null));
    }, this.config.DOCUMENT_SWEEP_INTERVAL);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass, as of `now`: anything younger than the TTL is left alone, however it looks. */
  async sweep(now = new Date()): Promise<SweepResult> {
    const cutoff = new Date(now.getTime() - this.config.DOCUMENT_ORPHAN_TTL);
    let orphans = 0;
    for (let batch = await this.documents.orphans(cutoff); batch.length > 0; batch = await this.documents.orphans(cutoff)) {
      for (const { id } of batch) {
        // The row goes first: a submission attaching it meanwhile wins, and a crash here leaves a stray file for the pass below.
        if (await this.documents.deleteOrphan(id)) {
          await this.store.delete(id);
          orphans += 1;
        }
      }
    }
    let strays = 0;
    let candidates: string[] = [];
    const flush = async () => {
      const known = await this.documents.existing(candidates);
      for (const key of candidates.filter((k) => !known.has(k))) {
        await this.store.delete(key);
        strays += 1;
      }
      candidates = [];
    };
    for await (const object of this.store.list()) {
      if (object.modifiedAt >= cutoff) continue;
      candidates.push(object.key);
      if (candidates.length >= STRAY_BATCH) await flush();
    }
    await flush();
    return { orphans, strays };
  }
}
