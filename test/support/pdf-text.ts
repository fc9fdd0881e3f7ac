import { Worker } from 'node:worker_threads';

/**
 * The text of each PDF, page by page. pdf-parse loads pdf.js's worker with a dynamic import(), which
 * Jest's CommonJS sandbox refuses; a worker thread runs it under Node's own loader instead.
 */
export function extractPages(pdfs: readonly Buffer[]): Promise<string[][]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    (async () => {
      const texts = [];
      for (const data of workerData) {
        const parser = new PDFParse({ data });
        texts.push((await parser.getText()).pages.map((p) => p.text));
        await parser.destroy();
      }
      parentPort.postMessage(texts);
    })().catch((error) => { throw error; });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: pdfs.map((pdf) => new Uint8Array(pdf)) });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
